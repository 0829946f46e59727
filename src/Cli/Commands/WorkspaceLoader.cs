using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Commands;

/// <summary>
/// Opens a project or solution as the IDE does (MSBuildWorkspace: the project's own references, defines,
/// language version and .editorconfig) and collects the flows of each C# compilation with the engine.
/// </summary>
internal static class WorkspaceLoader
{
    public static async Task<PersonalDataMap> MapAsync(MappedTarget target, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();
        IEnumerable<Project> projects;
        try
        {
            projects = target.IsSolution
                ? (await workspace.OpenSolutionAsync(target.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false)).Projects
                : (await workspace.OpenProjectAsync(target.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution.Projects;
        }
        catch (System.Exception exception) when (exception is System.InvalidOperationException or System.IO.IOException or System.ArgumentException)
        {
            throw new ToolError($"cannot load {Path.GetFileName(target.FilePath)}: {exception.Message}");
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
