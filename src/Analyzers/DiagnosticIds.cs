namespace PiiGuard.Analyzers;

/// <summary>The diagnostic IDs of PiiGuard, fixed by the product contract.</summary>
public static class DiagnosticIds
{
    /// <summary>Personal data reaches a third-party processor not permitted to receive it.</summary>
    public const string ProcessorNotPermitted = "PII001";

    /// <summary>Personal data reaches a log or telemetry sink.</summary>
    public const string PersonalDataInLog = "PII002";

    /// <summary>Personal data reaches storage that is not encrypted.</summary>
    public const string UnencryptedStorage = "PII003";

    /// <summary>Personal data is put into an exception's message.</summary>
    public const string PersonalDataInException = "PII004";

    /// <summary>A member is named like personal data but carries no marking.</summary>
    public const string UnmarkedPersonalData = "PII100";

    /// <summary>PiiGuard is misconfigured.</summary>
    public const string Misconfiguration = "PII101";
}
