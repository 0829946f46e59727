using System.Globalization;
using System.Text;
using DealerPortal.Models;

namespace DealerPortal.Services;

// The weekly CSV exports the sales manager opens in a spreadsheet. They write personal data to
// plain files, which is what PiiGuard's storage rule (PII003) is for.
public static class CustomerExport
{
    public static int WriteCustomers(IEnumerable<Customer> customers, string path)
    {
        using var writer = new StreamWriter(path, append: false, Encoding.UTF8);
        writer.WriteLine("Id,CreatedAt,FullName,Email,PhoneNumber,PostalAddress,DateOfBirth,Gender,Vin,Registration");

        var rows = 0;
        foreach (var customer in customers)
        {
            foreach (var vehicle in customer.Vehicles)
            {
                writer.WriteLine(string.Join(
                    ',',
                    customer.Id.ToString(),
                    customer.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                    Csv(customer.FullName),
                    Csv(customer.Email),
                    Csv(customer.PhoneNumber),
                    Csv(customer.PostalAddress),
                    customer.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    customer.Gender.ToString(),
                    Csv(vehicle.Vin),
                    Csv(vehicle.Registration)));
                rows++;
            }
        }

        return rows;
    }

    public static int WriteProspects(IEnumerable<SalesEnquiry> enquiries, string path)
    {
        var csv = new StringBuilder("Id,CreatedAt,Source,Model,Name,Email,PhoneNumber,PartExchangeRegistration\n");
        var rows = 0;
        foreach (var enquiry in enquiries)
        {
            csv.Append(enquiry.Id).Append(',')
               .Append(enquiry.CreatedAt.ToString("O", CultureInfo.InvariantCulture)).Append(',')
               .Append(Csv(enquiry.Source)).Append(',')
               .Append(Csv(enquiry.Model)).Append(',')
               .Append(Csv(enquiry.Name)).Append(',')
               .Append(Csv(enquiry.Email)).Append(',')
               .Append(Csv(enquiry.PhoneNumber)).Append(',')
               .Append(Csv(enquiry.PartExchangeRegistration)).Append('\n');
            rows++;
        }

        File.WriteAllText(path, csv.ToString(), Encoding.UTF8);
        return rows;
    }

    // Quotes a field when it holds a separator, a quote or a line break (RFC 4180).
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
