namespace PiiGuard.Tests.Flow;

/// <summary>
/// The code a dealer CRM team writes, around which the flow cases are set: a model with personal and
/// other members, DTOs and records, helpers, an audit wrapper around a logger.
/// </summary>
internal static class FlowHarness
{
    public const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            public int Id { get; set; }
            [Pii(PiiCategory.Name)] public string FirstName { get; set; } = "";
            [Pii(PiiCategory.Name)] public string LastName { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.DateOfBirth)] public DateTime DateOfBirth { get; set; }
            [Pii(PiiCategory.PhoneNumber)] public string? Phone { get; set; }
            public string Source { get; set; } = "";
            public List<Vehicle> Vehicles { get; } = new();
            public string FullName => FirstName + " " + LastName;
            public string Label => "customer " + Id;
        }

        public class Vehicle
        {
            [Pii(PiiCategory.VehicleIdentificationNumber)] public string Vin = "";
            public string Model = "";
        }

        public record CustomerRecord(int Id, [property: Pii(PiiCategory.Email)] string Email);
        public class PlainDto { public string Email = ""; public string Source = ""; }
        public record DtoRecord(string Email, string Source);
        public class Printed { [Pii(PiiCategory.Name)] public string Name = ""; public override string ToString() => "Printed " + Name; }
        public class NotPrinted { [Pii(PiiCategory.Name)] public string Name = ""; public int Id; public override string ToString() => "NotPrinted " + Id; }
        [Pii(PiiCategory.Email)] public record EmailAddress(string Value);

        public static class Helpers
        {
            public static string Same(string s) => s;
            public static string Constant(string s) => "x";
            public static string Describe(Customer c) => c.FullName;
            public static string Unrelated(string s) => s.Length.ToString();
            public static string Wrap(string v) { var r = "[" + v + "]"; return r; }
            public static string Loop(string s, int n) => n == 0 ? s : Loop(s, n - 1);
            public static string A(string s) => B(s);
            public static string B(string s) => C(s);
            public static string C(string s) => D(s);
            public static string D(string s) => s.Trim();
            [Redacts] public static string Hide(string s) => "***";
            [return: Pii(PiiCategory.Email)] public static Task<string> LoadEmailAsync() => Task.FromResult("");
        }

        public class Audit(ILogger log)
        {
            public void Write(string entry) => log.LogInformation(entry);
            public void Length(string entry) => log.LogInformation("{Length}", entry.Length);
            public void Nested(string entry) => Write("audit: " + entry);
            public void Ignore(string entry) { }
            public void Later(string entry) { Action a = () => log.LogInformation(entry); a(); }
            public void Locally(string entry) { Send(); void Send() => log.LogInformation(entry); }
            public void Each(List<string> entries) { foreach (var e in entries) { log.LogInformation(e); } }
            public void Ping(string entry, int n) { if (n > 0) Pong(entry, n - 1); else log.LogInformation(entry); }
            public void Pong(string entry, int n) => Ping(entry, n);
            public void Quiet(string entry, int n) { if (n > 0) Hush(entry, n - 1); }
            public void Hush(string entry, int n) => Quiet(entry, n);
        }
        """;

    /// <summary>A method body with a logger, an audit wrapper and the usual parameters in scope.</summary>
    public static string InBody(string body) => Model + $$"""

        public class Service(ILogger log, Audit audit)
        {
            private string _saved = "";
            private readonly StringBuilder _builder = new();

            public async Task Run(Customer c, PlainDto dto, List<Customer> customers, string text, EmailAddress address, byte[] key)
            {
                {{body}}
                await Task.CompletedTask;
            }
        }
        """;

    /// <summary>Members of a class with a logger in scope.</summary>
    public static string InClass(string members) => Model + $$"""

        public class Service(ILogger log)
        {
            {{members}}
        }
        """;
}
