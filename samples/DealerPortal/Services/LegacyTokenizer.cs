namespace DealerPortal.Services;

// The old booking system's tokenizer, declared a redactor for PiiGuard in AssemblyInfo.cs.
public static class LegacyTokenizer
{
    public static string Tokenize(string value) => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
}
