using System.Xml.Linq;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Package;

/// <summary>
/// A copy of the sample in a temporary folder that consumes the packed package instead of the repository's
/// projects, restored into its own packages folder (so no stale PiiGuard from the machine's cache is used).
/// </summary>
internal static class SampleConsumer
{
    public static async Task CopyAsync(PackedPackage package, string directory)
    {
        var sample = Repository.PathOf("samples", "DealerPortal");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".json"
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "DealerPortal.csproj"), ConsumerProject(Path.Combine(sample, "DealerPortal.csproj")));
        await package.WriteNuGetConfigAsync(directory);
        var restore = await DotNet.RunAsync(directory, "restore", "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    // The sample's project, consuming the package instead of the repository's projects, with its package versions
    // spelled out (the copy is outside the repository's central package management).
    private static string ConsumerProject(string sampleProject)
    {
        var versions = XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var project = XDocument.Load(sampleProject);
        project.Descendants("ProjectReference").ToList().ForEach(reference => reference.Remove());
        foreach (var reference in project.Descendants("PackageReference"))
        {
            reference.SetAttributeValue("Version", versions[(string)reference.Attribute("Include")!]);
        }

        var items = new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "PiiGuard"), new XAttribute("Version", "0.1.0")));
        project.Root!.Add(items);
        project.Root!.Element("PropertyGroup")!.Add(new XElement("ManagePackageVersionsCentrally", "false"));
        return project.ToString();
    }
}
