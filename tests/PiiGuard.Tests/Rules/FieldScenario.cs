namespace PiiGuard.Tests.Rules;

/// <summary>What the field scenarios' code opens: the namespaces a service of a .NET web application uses.</summary>
internal static class FieldScenario
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using System.Security.Cryptography;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        """;
}
