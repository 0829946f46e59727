using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AllAnalyzers = PiiGuard.Tests.Meta.AllAnalyzers;

namespace PiiGuard.Tests.Package;

[Collection(PackageCollection.Name)]
public sealed class PackageContentTests(PackedPackage package)
{
    private static IReadOnlyList<string> Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private XElement Metadata()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("PiiGuard.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        return nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private string? Meta(string name) => Metadata().Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    [Fact]
    public void Package_has_the_attributes_in_lib_and_the_analyzers_in_analyzers() =>
        Assert.Equal(
            [
                "PiiGuard.nuspec",
                "README.md",
                "analyzers/dotnet/cs/PiiGuard.Analyzers.dll",
                "analyzers/dotnet/cs/PiiGuard.CodeFixes.dll",
                "build/PiiGuard.strict.globalconfig",
                "build/PiiGuard.targets",
                "icon.png",
                "lib/netstandard2.0/PiiGuard.Attributes.dll",
                "lib/netstandard2.0/PiiGuard.Attributes.xml",
            ],
            Entries(package.PackagePath));

    [Fact]
    public void Symbol_package_has_the_attributes_pdb() =>
        Assert.Contains("lib/netstandard2.0/PiiGuard.Attributes.pdb", Entries(package.SymbolPackagePath));

    [Fact]
    public void Metadata_describes_the_package_and_does_not_strip_the_attributes()
    {
        Assert.Equal("PiiGuard", Meta("id"));
        Assert.Equal("MIT", Meta("license"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.Equal("icon.png", Meta("icon"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("releaseNotes")));
        Assert.Contains("gdpr", Meta("tags"), StringComparison.Ordinal);
        Assert.NotNull(Metadata().Elements().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"));
        // developmentDependency would make consumers drop lib/: the attributes would not compile.
        Assert.Null(Meta("developmentDependency"));
        // No dependencies: the package brings everything it needs.
        Assert.DoesNotContain(Metadata().Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/PiiGuard.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/PiiGuard.CodeFixes.dll")]
    public void Analyzers_reference_no_Roslyn_newer_than_the_dotnet_8_SDK(string entry)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var image = new MemoryStream();
        using (var stream = zip.GetEntry(entry)!.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var reader = pe.GetMetadataReader();
        var roslyn = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Where(reference => reader.GetString(reference.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, reference => Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{reader.GetString(reference.Name)} {reference.Version}"));
    }

    [Fact]
    public void Package_readme_lists_every_rule_with_its_severity_and_links_only_absolute_addresses()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();

        // nuget.org renders the package README away from the repository: a relative link would be broken there.
        Assert.All(Regex.Matches(readme, @"\]\(([^)]*)\)").Select(m => m.Groups[1].Value), link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
        Assert.All(AllAnalyzers.Descriptors, descriptor =>
            Assert.Contains($"/{descriptor.Id}.md) | {descriptor.DefaultSeverity} |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_preset_raises_every_rule_and_yields_to_the_projects_own_settings()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(zip.GetEntry("build/PiiGuard.strict.globalconfig")!.Open());
        var preset = reader.ReadToEnd();

        Assert.Contains("is_global = true", preset, StringComparison.Ordinal);
        Assert.Matches(@"global_level = -\d+", preset);
        Assert.All(AllAnalyzers.Descriptors, descriptor =>
            Assert.Matches($@"dotnet_diagnostic\.{descriptor.Id}\.severity = (error|warning)", preset));
    }
}
