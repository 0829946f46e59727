using System;
using System.IO;
using System.Linq;

namespace PiiGuard.Cli.Commands;

/// <summary>What the user pointed at: a project or a solution file, and the directory the map's paths are relative to.</summary>
internal sealed record MappedTarget(string FilePath, bool IsSolution)
{
    public string Directory => System.IO.Path.GetDirectoryName(FilePath)!;

    public string Name => System.IO.Path.GetFileNameWithoutExtension(FilePath);

    /// <summary>A .csproj, a .sln or .slnx, or a directory holding exactly one solution (else exactly one project).</summary>
    public static MappedTarget Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return System.IO.Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".csproj" => new MappedTarget(full, IsSolution: false),
                ".sln" or ".slnx" => new MappedTarget(full, IsSolution: true),
                _ => throw NotAProject(path),
            };
        }

        if (System.IO.Directory.Exists(full))
        {
            var solutions = System.IO.Directory.GetFiles(full, "*.sln").Concat(System.IO.Directory.GetFiles(full, "*.slnx")).ToArray();
            var projects = System.IO.Directory.GetFiles(full, "*.csproj");
            return (solutions.Length, projects.Length) switch
            {
                (1, _) => new MappedTarget(solutions[0], IsSolution: true),
                (0, 1) => new MappedTarget(projects[0], IsSolution: false),
                ( > 1, _) or (0, > 1) => throw new ToolError($"'{path}' holds several solutions or projects: name the one to map"),
                _ => throw NotAProject(path),
            };
        }

        throw new ToolError($"'{path}' does not exist");
    }

    private static ToolError NotAProject(string path) =>
        new($"'{path}' is not a C# project (.csproj), a solution (.sln, .slnx) or a directory holding one");

    /// <summary>Where the baseline lives unless the user says otherwise: beside the project or solution.</summary>
    public string DefaultBaseline => System.IO.Path.Combine(Directory, Baseline.BaselineFile.DefaultName);

    public override string ToString() => FilePath;
}
