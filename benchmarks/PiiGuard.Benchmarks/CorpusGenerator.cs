using System.Text;

namespace PiiGuard.Benchmarks;

/// <summary>
/// Writes a deterministic, realistic code base of about the requested size: modules of a dealer CRM, each
/// with marked models, DTOs, a processor client, services that log, store and send, controllers, helpers
/// several calls deep (across modules, with mutual recursion), sanitisers, and a good share of code that
/// has nothing to do with personal data, as real code does.
/// </summary>
internal static class CorpusGenerator
{
    public static IReadOnlyList<(string Path, string Text)> Generate(int targetLines)
    {
        var files = new List<(string Path, string Text)>();
        var lines = 0;
        for (var module = 0; lines < targetLines; module++)
        {
            // One seed per module: a module's text does not depend on the corpus size.
            var random = new Random(module * 7919 + 17);
            foreach (var file in Module(module, random))
            {
                files.Add(file);
                lines += CountLines(file.Text);
            }
        }

        return files;
    }

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var character in text)
        {
            if (character == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<(string Path, string Text)> Module(int m, Random random)
    {
        var ns = $"Corpus.Module{m:D4}";
        var previous = m == 0 ? null : $"Corpus.Module{m - 1:D4}";
        var printsEmail = random.Next(3) == 0;
        yield return ($"Module{m:D4}/Customer.cs", Customer(ns, printsEmail, random));
        yield return ($"Module{m:D4}/Address.cs", Address(ns));
        yield return ($"Module{m:D4}/CustomerDto.cs", Dto(ns));
        yield return ($"Module{m:D4}/ICrmClient.cs", Processor(ns, m));
        yield return ($"Module{m:D4}/Masking.cs", Masking(ns));
        yield return ($"Module{m:D4}/Formatting.cs", Formatting(ns, previous));
        yield return ($"Module{m:D4}/CustomerService.cs", Service(ns, previous, random));
        yield return ($"Module{m:D4}/CustomerController.cs", Controller(ns, random));
        yield return ($"Module{m:D4}/Pricing.cs", Pricing(ns, random));
        yield return ($"Module{m:D4}/Inventory.cs", Inventory(ns, random));
    }

    private static string Customer(string ns, bool printsEmail, Random random) => $$"""
        using System;
        using System.Collections.Generic;
        using PiiGuard;

        namespace {{ns}};

        public sealed class Customer
        {
            public int Id { get; set; }

            public DateTime CreatedAt { get; set; }

            [Pii(PiiCategory.Name)]
            public string FirstName { get; set; } = "";

            [Pii(PiiCategory.Name)]
            public string LastName { get; set; } = "";

            [Pii(PiiCategory.Email)]
            public string Email { get; set; } = "";

            [Pii(PiiCategory.PhoneNumber)]
            public string Phone { get; set; } = "";

            [Pii(PiiCategory.DateOfBirth)]
            public DateTime DateOfBirth { get; set; }

            [Pii(PiiCategory.VehicleIdentificationNumber)]
            public string Vin { get; set; } = "";

            public Address? Home { get; set; }

            public List<string> Tags { get; } = new();

            public int LoyaltyPoints { get; set; } = {{random.Next(1000)}};

            public string Segment { get; set; } = "retail";

            public string FullName => FirstName + " " + LastName;

            public bool IsAdult(DateTime today) => DateOfBirth.AddYears(18) <= today;

            public override string ToString() => {{(printsEmail ? "$\"Customer {Id} <{Email}>\"" : "$\"Customer {Id} ({Segment})\"")}};
        }
        """;

    private static string Address(string ns) => $$"""
        using PiiGuard;

        namespace {{ns}};

        public sealed class Address
        {
            [Pii(PiiCategory.PostalAddress)]
            public string Street { get; set; } = "";

            [Pii(PiiCategory.PostalAddress)]
            public string Postcode { get; set; } = "";

            public string Country { get; set; } = "GB";
        }
        """;

    private static string Dto(string ns) => $$"""
        namespace {{ns}};

        public sealed record CustomerDto(int Id, string Name, string Email, string Segment);

        public sealed record CustomerSummary(int Id, string Segment, int Points);
        """;

    private static string Processor(string ns, int m) => $$"""
        using System.Threading.Tasks;
        using PiiGuard;

        namespace {{ns}};

        [ThirdPartyProcessor("MarketingCloud{{m % 5}}", PiiCategory.Name, PiiCategory.Email)]
        public interface ICrmClient
        {
            Task UpsertAsync(object profile);

            Task TrackAsync(string eventName, string subject);
        }
        """;

    private static string Masking(string ns) => $$"""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using PiiGuard;

        namespace {{ns}};

        public static class Masking
        {
            [Redacts]
            public static string Mask(string value) =>
                value.Length <= 2 ? "**" : value.Substring(0, 1) + new string('*', value.Length - 2) + value.Substring(value.Length - 1);

            public static string Hash(string value) =>
                Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        }
        """;

    // Helpers several calls deep, a pair of mutually recursive ones, and calls into the previous module.
    private static string Formatting(string ns, string? previous) => $$"""
        using System;
        using System.Text;

        namespace {{ns}};

        public static class Formatting
        {
            public static string Describe(Customer customer) => Join(customer.FullName, Contact(customer));

            public static string Contact(Customer customer) => Wrap(customer.Email) + " / " + Wrap(customer.Phone);

            public static string Join(string left, string right) => Pad(left) + ", " + Pad(right);

            public static string Wrap(string value) => "<" + Pad(value) + ">";

            public static string Pad(string value) => value.Trim().PadRight(12);

            public static string Initials(Customer customer) => customer.FirstName.Substring(0, 1) + customer.LastName.Substring(0, 1);

            public static string Normalise(string value, int depth) =>
                depth <= 0 ? value.ToUpperInvariant() : Collapse(value.Replace("  ", " "), depth - 1);

            public static string Collapse(string value, int depth) =>
                depth <= 0 ? value : Normalise(value.Trim(), depth - 1);

            public static string Label(int id, string segment)
            {
                var builder = new StringBuilder();
                builder.Append(segment).Append('#').Append(id);
                return builder.ToString();
            }

            public static string Previous(Customer customer) =>
                {{(previous is null ? "Describe(customer)" : $"{previous}.Formatting.Pad(customer.LastName)")}};
        }
        """;

    private static string Service(string ns, string? previous, Random random)
    {
        var builder = new StringBuilder();
        builder.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            namespace {{ns}};

            public sealed class CustomerService
            {
                private readonly ILogger<CustomerService> _logger;
                private readonly ICrmClient _crm;
                private readonly Dictionary<int, Customer> _customers = new();
                private string _lastExport = "";

                public CustomerService(ILogger<CustomerService> logger, ICrmClient crm)
                {
                    _logger = logger;
                    _crm = crm;
                }

                public async Task RegisterAsync(Customer customer)
                {
                    _customers[customer.Id] = customer;
                    _logger.LogInformation("Registered customer {Id} in {Segment}", customer.Id, customer.Segment);
                    _logger.LogInformation("Registered {Email}", customer.Email);
                    _logger.LogDebug("Masked {Email}", Masking.Mask(customer.Email));
                    await _crm.UpsertAsync(new { customer.FirstName, customer.Email });
                    await _crm.UpsertAsync(customer);
                    await _crm.TrackAsync("registered", Masking.Hash(customer.Email));
                }

                public void Export(IEnumerable<Customer> customers, string path)
                {
                    using var writer = new StreamWriter(path);
                    foreach (var customer in customers)
                    {
                        var line = Formatting.Describe(customer);
                        if (customer.LoyaltyPoints > 100)
                        {
                            line = Formatting.Label(customer.Id, customer.Segment);
                        }

                        writer.WriteLine(line);
                    }

                    _lastExport = path;
                }

                public void Archive(Customer customer, string folder)
                {
                    var summary = new CustomerSummary(customer.Id, customer.Segment, customer.LoyaltyPoints);
                    File.WriteAllText(Path.Combine(folder, customer.Id + ".txt"), summary.ToString());
                    File.WriteAllText(Path.Combine(folder, customer.Id + ".contact"), Formatting.Contact(customer));
                }

                public CustomerDto ToDto(Customer customer) =>
                    new(customer.Id, customer.FullName, customer.Email, customer.Segment);

                public string Greeting(Customer customer)
                {
                    var name = Formatting.Normalise(customer.FirstName, 6);
                    _logger.LogInformation("Greeting prepared for {Name}", name);
                    return "Dear " + name;
                }

                public Customer Find(int id)
                {
                    if (!_customers.TryGetValue(id, out var customer))
                    {
                        throw new KeyNotFoundException($"No customer {id}");
                    }

                    return customer;
                }

                public Customer FindByEmail(string email)
                {
                    foreach (var customer in _customers.Values)
                    {
                        if (string.Equals(customer.Email, email, StringComparison.OrdinalIgnoreCase))
                        {
                            return customer;
                        }
                    }

                    throw new InvalidOperationException("No customer with e-mail " + email);
                }

                public IReadOnlyList<string> Emails(string segment) =>
                    _customers.Values.Where(c => c.Segment == segment).OrderBy(c => c.LastName).Select(c => c.Email).ToList();

                public int CountAdults(DateTime today) => _customers.Values.Count(c => c.IsAdult(today));

                public string LastExport => _lastExport;

            """);
        var extra = 3 + random.Next(4);
        for (var i = 0; i < extra; i++)
        {
            var logged = random.Next(4) switch
            {
                0 => "customer.Id",
                1 => "Masking.Mask(customer.Phone)",
                2 => "Formatting.Initials(customer)",
                _ => "customer.Home?.Postcode",
            };
            builder.Append($$"""

                    public void Process{{i}}(Customer customer, int attempt)
                    {
                        var label = Formatting.Label(customer.Id, customer.Segment);
                        var total = 0;
                        for (var n = 0; n < attempt; n++)
                        {
                            total += n * {{random.Next(2, 9)}};
                            if (total > {{random.Next(50, 500)}})
                            {
                                label = label + "-" + n;
                            }
                        }

                        try
                        {
                            _logger.LogInformation("Step {{i}} for {Label}: {Value}", label, {{logged}});
                        }
                        catch (Exception exception)
                        {
                            _logger.LogError(exception, "Step {{i}} failed after {Total}", total);
                        }
                    }

                """);
        }

        builder.Append($$"""

                public string Legacy(Customer customer) => Formatting.Previous(customer);
            }

            """);
        return builder.ToString();
    }

    private static string Controller(string ns, Random random) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        namespace {{ns}};

        public sealed class CustomerController
        {
            private readonly CustomerService _service;
            private readonly ILogger<CustomerController> _logger;

            public CustomerController(CustomerService service, ILogger<CustomerController> logger)
            {
                _service = service;
                _logger = logger;
            }

            public async Task<CustomerDto> Post(CustomerDto request)
            {
                var customer = new Customer { Id = request.Id, FirstName = request.Name, Email = request.Email, Segment = request.Segment };
                await _service.RegisterAsync(customer);
                _logger.LogInformation("Created {Id}", customer.Id);
                return _service.ToDto(customer);
            }

            public CustomerDto Get(int id)
            {
                var dto = _service.ToDto(_service.Find(id));
                _logger.LogInformation("Returned {Dto}", dto);
                return dto;
            }

            public IReadOnlyList<string> Mailing(string segment)
            {
                var emails = _service.Emails(segment);
                _logger.LogInformation("Mailing list of {Count} for {Segment}", emails.Count, segment);
                return emails;
            }

            public string Greet(int id) => _service.Greeting(_service.Find(id));

            public int Adults() => _service.CountAdults(new DateTime({{2000 + random.Next(25)}}, 1, 1));
        }
        """;

    // Code with no personal data at all: most of a real code base.
    private static string Pricing(string ns, Random random)
    {
        var builder = new StringBuilder();
        builder.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace {{ns}};

            public sealed class Pricing
            {
                private readonly Dictionary<string, decimal> _rates = new(StringComparer.Ordinal);

                public Pricing()
                {
                    _rates["standard"] = {{random.Next(10, 30)}}m;
                    _rates["premium"] = {{random.Next(30, 60)}}m;
                }

            """);
        var methods = 6 + random.Next(6);
        for (var i = 0; i < methods; i++)
        {
            builder.Append($$"""

                    public decimal Quote{{i}}(string tier, int days, IReadOnlyList<decimal> extras)
                    {
                        if (!_rates.TryGetValue(tier, out var rate))
                        {
                            throw new ArgumentException("Unknown tier " + tier, nameof(tier));
                        }

                        var total = rate * days;
                        foreach (var extra in extras)
                        {
                            total += extra > {{random.Next(5, 50)}} ? extra * 0.9m : extra;
                        }

                        switch (days)
                        {
                            case > 30:
                                total *= 0.8m;
                                break;
                            case > 7:
                                total *= 0.95m;
                                break;
                        }

                        var rounded = Math.Round(total, 2);
                        return extras.Count > {{random.Next(2, 6)}} ? rounded - extras.Min() : rounded;
                    }

                """);
        }

        builder.Append("""
            }

            """);
        return builder.ToString();
    }

    private static string Inventory(string ns, Random random)
    {
        var builder = new StringBuilder();
        builder.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;

            namespace {{ns}};

            public sealed class Inventory
            {
                private readonly List<(string Sku, int Quantity)> _stock = new();

            """);
        var methods = 5 + random.Next(5);
        for (var i = 0; i < methods; i++)
        {
            builder.Append($$"""

                    public string Report{{i}}(int threshold)
                    {
                        var builder = new StringBuilder();
                        var low = _stock.Where(s => s.Quantity < threshold).OrderBy(s => s.Sku).ToList();
                        foreach (var (sku, quantity) in low)
                        {
                            builder.Append(sku).Append(": ").Append(quantity).AppendLine();
                        }

                        var index = 0;
                        while (index < low.Count && index < {{random.Next(3, 20)}})
                        {
                            index++;
                        }

                        return low.Count == 0 ? "all stocked" : builder.ToString() + " (" + index + ")";
                    }

                    public void Restock{{i}}(string sku, int quantity)
                    {
                        var position = _stock.FindIndex(s => s.Sku == sku);
                        if (position < 0)
                        {
                            _stock.Add((sku, quantity));
                        }
                        else
                        {
                            _stock[position] = (sku, _stock[position].Quantity + quantity * {{random.Next(1, 4)}});
                        }
                    }

                """);
        }

        builder.Append("""
            }

            """);
        return builder.ToString();
    }
}
