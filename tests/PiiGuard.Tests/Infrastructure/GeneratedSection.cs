namespace PiiGuard.Tests.Infrastructure;

/// <summary>
/// A part of a checked-in document generated from the code, between two marker comments: the test fails when
/// the document is stale, and rewrites it instead when PIIGUARD_UPDATE_DOCS=1.
/// </summary>
internal static class GeneratedSection
{
    public static void AssertCurrent(string path, string startMarker, string endMarker, string expected)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has no {startMarker} … {endMarker} section");

        var actual = text[(start + startMarker.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable("PIIGUARD_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + startMarker.Length)] + expected + text[end..]);
            return;
        }

        Assert.Equal(expected, actual);
    }
}
