using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Commands;

/// <summary>
/// Opens a project or solution as the IDE does (MSBuildWorkspace: the project's own references, defines,
/// language version and .editorconfig) and collects the flows of each C# compilation with the engine.
/// </summary>
internal static partial class WorkspaceLoader
{
    public static async Task<PersonalDataMap> MapAsync(MappedTarget target, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();

        // A project that fails to load would silently leave the map (and pass the check): a failure is an error.
        var failures = new List<WorkspaceDiagnostic>();
        using var failed = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure && !IsAboutAnotherLanguage(e.Diagnostic.Message))
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic);
                }
            }
        });
        IReadOnlyList<Project> projects;
        try
        {
            projects = target.IsSolution
                ? (await workspace.OpenSolutionAsync(target.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false)).Projects.ToList()
                : (await workspace.OpenProjectAsync(target.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution.Projects.ToList();
        }
        catch (System.Exception exception) when (exception is System.InvalidOperationException or System.IO.IOException or System.ArgumentException)
        {
            throw new ToolError($"cannot load {Path.GetFileName(target.FilePath)}: {Program.OneLine(exception.Message)}");
        }

        lock (failures)
        {
            if (failures.Count > 0)
            {
                throw new ToolError($"cannot load {Path.GetFileName(target.FilePath)}: {Program.OneLine(failures[0].Message)}");
            }
        }

        if (target.IsSolution)
        {
            FailUnlessEveryProjectLoaded(target, projects);
        }

        var flows = new List<CollectedFlow>();
        foreach (var project in projects.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.FilePath, System.StringComparer.Ordinal))
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ToolError($"{project.Name} has no compilation");
            FailUnlessItBuilds(project, compilation, target);
            flows.AddRange(await FlowCollection.RunAsync(compilation, project.AnalyzerOptions, cancellationToken).ConfigureAwait(false));
        }

        return DataMapBuilder.Build(target.Name, target.Directory, flows);
    }

    // MSBuildWorkspace reports the projects of languages it does not load (a .vbproj, an .fsproj, a .sqlproj) as
    // failures too; the map covers C# only, and a C# project that did not load is caught by name below.
    private static bool IsAboutAnotherLanguage(string message) =>
        ProjectFileInMessage().Matches(message) is { Count: > 0 } files
        && files.All(f => !f.Groups[1].Value.Equals(".csproj", System.StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"[^'""\s]+(\.\w+proj)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectFileInMessage();

    /// <summary>Every C# project the solution file lists must be in the map: a missing one would pass the check unseen.</summary>
    private static void FailUnlessEveryProjectLoaded(MappedTarget target, IReadOnlyList<Project> projects)
    {
        var loaded = new HashSet<string>(projects.Select(p => p.FilePath).OfType<string>().Select(Path.GetFullPath), System.StringComparer.Ordinal);
        foreach (var listed in SolutionProjects(target.FilePath))
        {
            var full = Path.GetFullPath(Path.Combine(target.Directory, listed.Replace('\\', Path.DirectorySeparatorChar)));
            if (!loaded.Contains(full))
            {
                var why = File.Exists(full) ? "it did not load" : "the file does not exist";
                throw new ToolError($"{Path.GetFileName(target.FilePath)} lists {listed.Replace('\\', '/')}, which is not in the map: {why}");
            }
        }
    }

    /// <summary>The .csproj paths a .sln or .slnx lists, as written (relative to the solution).</summary>
    internal static IEnumerable<string> SolutionProjects(string solutionPath)
    {
        var text = File.ReadAllText(solutionPath);
        if (Path.GetExtension(solutionPath).Equals(".slnx", System.StringComparison.OrdinalIgnoreCase))
        {
            return XDocument.Parse(text).Descendants()
                .Where(e => e.Name.LocalName == "Project")
                .Select(e => (string?)e.Attribute("Path"))
                .OfType<string>()
                .Where(p => p.EndsWith(".csproj", System.StringComparison.OrdinalIgnoreCase))
                .ToList();
        }

        return SlnProject().Matches(text).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^Project\(""[^""]*""\)\s*=\s*""[^""]*""\s*,\s*""([^""]+\.csproj)""", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlnProject();

    // A map of code that does not compile is not a record anyone can rely on.
    private static void FailUnlessItBuilds(Project project, Compilation compilation, MappedTarget target)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var first = errors[0];
        var span = first.Location.GetLineSpan();
        var where = span.Path is { Length: > 0 } path
            ? $"{Path.GetRelativePath(target.Directory, path).Replace('\\', '/')}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): "
            : string.Empty;
        var restored = project.FilePath is { } file && File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "obj", "project.assets.json"));
        var hint = restored ? string.Empty : " (it has not been restored: run dotnet restore first)";
        throw new ToolError($"{project.Name} does not build: {errors.Count} compilation error(s){hint}, the first: {where}{first.Id}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
