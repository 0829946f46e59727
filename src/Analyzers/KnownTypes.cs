using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers;

/// <summary>
/// The types PiiGuard looks for, resolved once per compilation. A library that is not referenced
/// resolves to <see langword="null"/> and its sinks cost nothing.
/// </summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation, INamedTypeSymbol piiAttribute)
    {
        PiiAttribute = piiAttribute;
        RedactsAttribute = Resolve(compilation, "PiiGuard.RedactsAttribute");
        NotPiiAttribute = Resolve(compilation, "PiiGuard.NotPiiAttribute");
        ThirdPartyProcessorAttribute = Resolve(compilation, "PiiGuard.ThirdPartyProcessorAttribute");
        LogSinkAttribute = Resolve(compilation, "PiiGuard.LogSinkAttribute");
        StorageSinkAttribute = Resolve(compilation, "PiiGuard.StorageSinkAttribute");
        Console = Resolve(compilation, "System.Console");
        Exception = Resolve(compilation, "System.Exception");
        File = Resolve(compilation, "System.IO.File");
        StreamWriter = Resolve(compilation, "System.IO.StreamWriter");
        BinaryWriter = Resolve(compilation, "System.IO.BinaryWriter");
        FileStream = Resolve(compilation, "System.IO.FileStream");
        CryptoStream = Resolve(compilation, "System.Security.Cryptography.CryptoStream");
        DbParameter = Resolve(compilation, "System.Data.Common.DbParameter");
        DataParameter = Resolve(compilation, "System.Data.IDataParameter");
        DbParameterCollection = Resolve(compilation, "System.Data.Common.DbParameterCollection");
        DistributedCache = Resolve(compilation, "Microsoft.Extensions.Caching.Distributed.IDistributedCache");
        DistributedCacheExtensions = Resolve(compilation, "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions");
        Session = Resolve(compilation, "Microsoft.AspNetCore.Http.ISession");
        SessionExtensions = Resolve(compilation, "Microsoft.AspNetCore.Http.SessionExtensions");
        ResponseCookies = Resolve(compilation, "Microsoft.AspNetCore.Http.IResponseCookies");
        DapperSqlMapper = Resolve(compilation, "Dapper.SqlMapper");
        DbContext = Resolve(compilation, "Microsoft.EntityFrameworkCore.DbContext");
        DbSet = Resolve(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
        ModelBuilder = Resolve(compilation, "Microsoft.EntityFrameworkCore.ModelBuilder");
        EncryptedAttribute = Resolve(compilation, "PiiGuard.EncryptedAttribute");
        ProtectedPersonalDataAttribute = Resolve(compilation, "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");
        RedisDatabase = Resolve(compilation, "StackExchange.Redis.IDatabaseAsync");
        LoggerExtensions = Resolve(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
        Logger = Resolve(compilation, "Microsoft.Extensions.Logging.ILogger");
        LoggerMessageAttribute = Resolve(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
        Debug = Resolve(compilation, "System.Diagnostics.Debug");
        Trace = Resolve(compilation, "System.Diagnostics.Trace");
        TraceSource = Resolve(compilation, "System.Diagnostics.TraceSource");
        Activity = Resolve(compilation, "System.Diagnostics.Activity");
        SerilogLogger = Resolve(compilation, "Serilog.ILogger");
        SerilogLog = Resolve(compilation, "Serilog.Log");
        NLogLogger = Resolve(compilation, "NLog.Logger");
        NLogLoggerBase = Resolve(compilation, "NLog.ILoggerBase");
        Log4NetLog = Resolve(compilation, "log4net.ILog");
        JsonSerializer = Resolve(compilation, "System.Text.Json.JsonSerializer");
        NewtonsoftJsonConvert = Resolve(compilation, "Newtonsoft.Json.JsonConvert");
        XmlSerializer = Resolve(compilation, "System.Xml.Serialization.XmlSerializer");
        HashAlgorithm = Resolve(compilation, "System.Security.Cryptography.HashAlgorithm");
        IncrementalHash = Resolve(compilation, "System.Security.Cryptography.IncrementalHash");
        DataProtector = Resolve(compilation, "Microsoft.AspNetCore.DataProtection.IDataProtector");
        DataProtectionExtensions = Resolve(compilation, "Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions");
        Redactor = Resolve(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
        PersonalDataAttribute = Resolve(compilation, "Microsoft.AspNetCore.Identity.PersonalDataAttribute");
        DataClassificationAttribute = Resolve(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
    }

    public INamedTypeSymbol PiiAttribute { get; }

    public INamedTypeSymbol? RedactsAttribute { get; }

    public INamedTypeSymbol? NotPiiAttribute { get; }

    public INamedTypeSymbol? ThirdPartyProcessorAttribute { get; }

    public INamedTypeSymbol? LogSinkAttribute { get; }

    public INamedTypeSymbol? StorageSinkAttribute { get; }

    public INamedTypeSymbol? Console { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? File { get; }

    public INamedTypeSymbol? StreamWriter { get; }

    public INamedTypeSymbol? BinaryWriter { get; }

    public INamedTypeSymbol? FileStream { get; }

    public INamedTypeSymbol? CryptoStream { get; }

    public INamedTypeSymbol? DbParameter { get; }

    public INamedTypeSymbol? DataParameter { get; }

    public INamedTypeSymbol? DbParameterCollection { get; }

    public INamedTypeSymbol? DistributedCache { get; }

    public INamedTypeSymbol? DistributedCacheExtensions { get; }

    public INamedTypeSymbol? Session { get; }

    public INamedTypeSymbol? SessionExtensions { get; }

    public INamedTypeSymbol? ResponseCookies { get; }

    public INamedTypeSymbol? DapperSqlMapper { get; }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? ModelBuilder { get; }

    public INamedTypeSymbol? EncryptedAttribute { get; }

    public INamedTypeSymbol? ProtectedPersonalDataAttribute { get; }

    /// <summary>StackExchange.Redis's IDatabaseAsync, which IDatabase extends.</summary>
    public INamedTypeSymbol? RedisDatabase { get; }

    public INamedTypeSymbol? LoggerExtensions { get; }

    public INamedTypeSymbol? Logger { get; }

    public INamedTypeSymbol? LoggerMessageAttribute { get; }

    public INamedTypeSymbol? Debug { get; }

    public INamedTypeSymbol? Trace { get; }

    public INamedTypeSymbol? TraceSource { get; }

    public INamedTypeSymbol? Activity { get; }

    public INamedTypeSymbol? SerilogLogger { get; }

    public INamedTypeSymbol? SerilogLog { get; }

    public INamedTypeSymbol? NLogLogger { get; }

    public INamedTypeSymbol? NLogLoggerBase { get; }

    public INamedTypeSymbol? Log4NetLog { get; }

    public INamedTypeSymbol? JsonSerializer { get; }

    public INamedTypeSymbol? NewtonsoftJsonConvert { get; }

    public INamedTypeSymbol? XmlSerializer { get; }

    public INamedTypeSymbol? HashAlgorithm { get; }

    public INamedTypeSymbol? IncrementalHash { get; }

    public INamedTypeSymbol? DataProtector { get; }

    public INamedTypeSymbol? DataProtectionExtensions { get; }

    public INamedTypeSymbol? Redactor { get; }

    /// <summary>ASP.NET Core Identity's marking (and its subclass ProtectedPersonalDataAttribute).</summary>
    public INamedTypeSymbol? PersonalDataAttribute { get; }

    /// <summary>The base of Microsoft.Extensions.Compliance data classifications.</summary>
    public INamedTypeSymbol? DataClassificationAttribute { get; }

    /// <summary>
    /// Resolves the known types, or returns <see langword="null"/> when the compilation cannot mark
    /// personal data at all: then no PiiGuard rule has anything to find.
    /// </summary>
    public static KnownTypes? Create(Compilation compilation)
    {
        var piiAttribute = Resolve(compilation, "PiiGuard.PiiAttribute");
        return piiAttribute is null ? null : new KnownTypes(compilation, piiAttribute);
    }

#pragma warning disable RS0030 // This is the one place where types are looked up, once per compilation.
    private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
}
