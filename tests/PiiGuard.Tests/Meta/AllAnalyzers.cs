using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers;

namespace PiiGuard.Tests.Meta;

/// <summary>Every analyzer, fixer and descriptor PiiGuard ships, found by reflection so a new one is covered at once.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
        typeof(PiiGuard.CodeFixes.Rules.PersonalDataInLogCodeFixProvider).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToImmutableArray();

    public static IEnumerable<object[]> DescriptorData => Descriptors.Select(descriptor => new object[] { descriptor.Id });

    public static IEnumerable<object[]> AnalyzerData => Analyzers.Select(analyzer => new object[] { analyzer.GetType().Name });
}
