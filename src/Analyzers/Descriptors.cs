using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers;

/// <summary>The one catalogue of PiiGuard's diagnostics.</summary>
public static class Descriptors
{
    /// <summary>Where each rule's documentation page lives; the ID is appended.</summary>
    public const string HelpLinkBase = "https://github.com/piiguard/piiguard/blob/main/docs/rules/";

    /// <summary>PII001: data minimisation towards third-party processors.</summary>
    public static readonly DiagnosticDescriptor ProcessorNotPermitted = Create(
        DiagnosticIds.ProcessorNotPermitted,
        "Personal data reaches a third-party processor not permitted to receive it",
        "{0} {1} processor '{2}', which is not permitted to receive {3}{4}",
        "PiiGuard.Processors",
        DiagnosticSeverity.Warning,
        "A third-party processor may receive only the categories of personal data its data processing agreement permits (GDPR Art. 5(1)(c), Art. 28). Send only what it needs, or pseudonymise the value.");

    /// <summary>PII002: personal data in logs and telemetry.</summary>
    public static readonly DiagnosticDescriptor PersonalDataInLog = Create(
        DiagnosticIds.PersonalDataInLog,
        "Personal data reaches a log or telemetry sink",
        "{0} {1} {2}{3}",
        "PiiGuard.Logging",
        DiagnosticSeverity.Warning,
        "Logs are copied, shipped to third parties and kept for long; personal data in them escapes every control that guards the database (GDPR Art. 5(1)(c), Art. 32). Mask or pseudonymise the value, or leave it out.");

    /// <summary>PII003: personal data in storage that is not encrypted.</summary>
    public static readonly DiagnosticDescriptor UnencryptedStorage = Create(
        DiagnosticIds.UnencryptedStorage,
        "Personal data reaches storage that is not encrypted",
        "{0} {1} unencrypted storage {2}{3}",
        "PiiGuard.Storage",
        DiagnosticSeverity.Warning,
        "Personal data at rest should be encrypted (GDPR Art. 32). Encrypt the member at rest, write to an encrypting sink, or pseudonymise the value.");

    /// <summary>PII004: personal data in an exception message.</summary>
    public static readonly DiagnosticDescriptor PersonalDataInException = Create(
        DiagnosticIds.PersonalDataInException,
        "Personal data is put into an exception's message",
        "{0} {1} put into the message of {2}{3}",
        "PiiGuard.Exceptions",
        DiagnosticSeverity.Warning,
        "Exception messages end up in logs, error pages and crash reports. Identify the record by a non-personal key instead.");

    /// <summary>PII100: a member named like personal data carries no marking.</summary>
    public static readonly DiagnosticDescriptor UnmarkedPersonalData = Create(
        DiagnosticIds.UnmarkedPersonalData,
        "Member is named like personal data but is not marked",
        "'{0}' is named like personal data ({1}); mark it [Pii(PiiCategory.{1})] or [NotPii]",
        "PiiGuard.Annotations",
        DiagnosticSeverity.Info,
        "PiiGuard follows only the personal data it knows of. Mark the member so its flows are checked, or mark it [NotPii].");

    /// <summary>PII101: misconfiguration.</summary>
    public static readonly DiagnosticDescriptor Misconfiguration = Create(
        DiagnosticIds.Misconfiguration,
        "PiiGuard is misconfigured",
        "{0}",
        "PiiGuard.Configuration",
        DiagnosticSeverity.Warning,
        "A PiiGuard declaration or option is invalid and is ignored, so the checks it should drive do not run.");

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md");
}
