using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Benchmarks;

/// <summary>Loads analyzer assemblies into the harness's context, so they bind to the Roslyn it hosts.</summary>
internal sealed class AnalyzerAssemblyLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
}
