using System.Runtime.CompilerServices;

namespace PiiGuard.Tests.Infrastructure;

/// <summary>
/// Approval (snapshot) tests with Verify's file convention: the approved text is
/// <c>{Class}.{Method}.verified.txt</c> beside the test; a mismatch writes <c>.received.txt</c> and fails.
/// Accept a change by renaming the received file. Swapping to Verify.Xunit later is mechanical.
/// </summary>
internal static class Approvals
{
    public static void Verify(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var directory = Path.GetDirectoryName(SourcePath(testFile))!;
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (verified == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(verified is null
            ? $"No approved output yet. Review {receivedPath} and rename it to {Path.GetFileName(verifiedPath)}."
            : $"Output differs from {Path.GetFileName(verifiedPath)}; see {receivedPath}.\n--- received ---\n{normalized}");
    }

    // CI builds map source paths to /_/ (deterministic builds); map them back into this repository.
    private static string SourcePath(string compiledPath) =>
        compiledPath.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(Repository.Root, compiledPath["/_/".Length..])
            : compiledPath;
}
