using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules.PII003;

public sealed class UnencryptedStorageTests
{
    private const string Stores = """

        public sealed class DocumentArchive
        {
            [StorageSink] public void Put(string key, object body) { }
            [StorageSink(Encrypted = true)] public void PutSealed(string key, object body) { }
            public void Delete(string key) { }
            public void Tag(string key, [StorageSink] string value) { }
        }

        public static class Exporter
        {
            public static void Save(string path, string line) => System.IO.File.AppendAllText(path, line);
        }

        public sealed class BlobClient
        {
            public void Upload(string name, string content) { }
        }
        """;

    private static string Source(string body) =>
        FlowHarness.InBody("var archive = new DocumentArchive(); var blobs = new BlobClient(); var path = System.IO.Path.GetTempFileName();\n" + body)
            .Replace(
                "using PiiGuard;\n",
                "using PiiGuard;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.Caching.Distributed;\n[assembly: StorageSink(typeof(BlobClient), \"Upload\")]\n",
                StringComparison.Ordinal)
        + Stores;

    public static TheoryData<string, string> Cases() => new()
    {
        { "File.WriteAllText", "System.IO.File.WriteAllText(path, {|PII003:c.Email|});" },
        { "File.WriteAllText of keys", "System.IO.File.WriteAllText(path, c.Id.ToString());" },
        { "personal data in the path is not content", "System.IO.File.WriteAllText(c.Email, \"x\");" },
        { "File.AppendAllLines of a projection", "System.IO.File.AppendAllLines(path, {|PII003:customers.Select(x => x.Email)|});" },
        { "File.WriteAllBytes of an encoding", "System.IO.File.WriteAllBytes(path, {|PII003:Encoding.UTF8.GetBytes(c.Phone!)|});" },
        { "File.WriteAllTextAsync", "await System.IO.File.WriteAllTextAsync(path, {|PII003:$\"{c.FullName};{c.Source}\"|});" },
        { "pseudonymised before writing", "System.IO.File.WriteAllText(path, new PiiPseudonymizer(key).Pseudonymize(c.Email));" },
        { "StreamWriter", "using var writer = new System.IO.StreamWriter(path); writer.WriteLine({|PII003:c.Email|});" },
        { "StreamWriter of keys", "using var writer = new System.IO.StreamWriter(path); writer.WriteLine(c.Id);" },
        { "StreamWriter over a CryptoStream", "using var aes = Aes.Create(); using var file = System.IO.File.Create(path); using var crypto = new CryptoStream(file, aes.CreateEncryptor(), CryptoStreamMode.Write); using var writer = new System.IO.StreamWriter(crypto); writer.WriteLine(c.Email);" },
        { "BinaryWriter", "using var writer = new System.IO.BinaryWriter(System.IO.File.Create(path)); writer.Write({|PII003:c.Email|});" },
        { "FileStream bytes", "using var file = System.IO.File.Create(path); file.Write({|PII003:Encoding.UTF8.GetBytes(c.Email)|});" },
        { "Console.Out is a log, not storage", "Console.Out.WriteLine(c.Email);" },
        { "[StorageSink] method, whole object", "archive.Put(\"k\", {|PII003:c|});" },
        { "[StorageSink] method, object of keys", "archive.Put(\"k\", new { c.Id, c.Source });" },
        { "[StorageSink(Encrypted = true)]", "archive.PutSealed(\"k\", c);" },
        { "other method of the type", "archive.Delete(c.Email);" },
        { "[StorageSink] parameter", "archive.Tag(c.Email, {|PII003:c.Phone|}!);" },
        { "ADO.NET AddWithValue", "using var cmd = new Microsoft.Data.Sqlite.SqliteCommand(); cmd.Parameters.AddWithValue(\"$email\", {|PII003:c.Email|});" },
        { "ADO.NET AddWithValue of the key", "using var cmd = new Microsoft.Data.Sqlite.SqliteCommand(); cmd.Parameters.AddWithValue(\"$id\", c.Id);" },
        { "ADO.NET parameter Value", "using var cmd = new Microsoft.Data.Sqlite.SqliteCommand(); var p = cmd.CreateParameter(); p.Value = {|PII003:c.Phone|};" },
        { "ADO.NET parameter constructor", "var p = new Microsoft.Data.Sqlite.SqliteParameter(\"$name\", {|PII003:c.FullName|});" },
        { "ADO.NET parameter named after data is not content", "var p = new Microsoft.Data.Sqlite.SqliteParameter(c.Email, 1);" },
        { "IDistributedCache key", "Microsoft.Extensions.Caching.Distributed.IDistributedCache cache = null!; cache.SetString({|PII003:\"customer:\" + c.Email|}, \"1\");" },
        { "IDistributedCache value", "Microsoft.Extensions.Caching.Distributed.IDistributedCache cache = null!; await cache.SetStringAsync(\"k\", {|PII003:c.Email|});" },
        { "IDistributedCache bytes", "Microsoft.Extensions.Caching.Distributed.IDistributedCache cache = null!; cache.Set(\"k\", {|PII003:Encoding.UTF8.GetBytes(c.Email)|}, new Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions());" },
        { "IDistributedCache of keys", "Microsoft.Extensions.Caching.Distributed.IDistributedCache cache = null!; cache.SetString(\"customer:\" + c.Id, c.Source);" },
        { "ISession", "Microsoft.AspNetCore.Http.ISession session = null!; session.SetString(\"email\", {|PII003:c.Email|});" },
        { "ISession of keys", "Microsoft.AspNetCore.Http.ISession session = null!; session.SetInt32(\"id\", c.Id);" },
        { "response cookie", "Microsoft.AspNetCore.Http.IResponseCookies cookies = null!; cookies.Append(\"email\", {|PII003:c.Email|});" },
        { "response cookie of a setting", "Microsoft.AspNetCore.Http.IResponseCookies cookies = null!; cookies.Append(\"theme\", \"dark\");" },
        { "serialised object written to a file", "System.IO.File.WriteAllText(path, {|PII003:System.Text.Json.JsonSerializer.Serialize(c)|});" },
        { "serialised DTO of keys written to a file", "System.IO.File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new { c.Id, c.Source }));" },
        { "serialised through a local", "var json = System.Text.Json.JsonSerializer.Serialize(customers); System.IO.File.WriteAllText(path, {|PII003:json|});" },
        { "serialiser writing to a file stream", "using var file = System.IO.File.Create(path); System.Text.Json.JsonSerializer.Serialize(file, {|PII003:c|});" },
        { "serialiser writing to a crypto stream", "using var aes = Aes.Create(); using var file = System.IO.File.Create(path); using var crypto = new CryptoStream(file, aes.CreateEncryptor(), CryptoStreamMode.Write); System.Text.Json.JsonSerializer.Serialize(crypto, c);" },
        { "XmlSerializer to a file stream", "using var file = System.IO.File.Create(path); new System.Xml.Serialization.XmlSerializer(typeof(Customer)).Serialize(file, {|PII003:c|});" },
        { "Dapper Execute with an anonymous object", "System.Data.IDbConnection db = null!; Dapper.SqlMapper.Execute(db, \"insert ...\", {|PII003:new { c.Email, c.Id }|});" },
        { "Dapper Execute with a carrier", "System.Data.IDbConnection db = null!; await Dapper.SqlMapper.ExecuteAsync(db, \"insert ...\", {|PII003:c|});" },
        { "Dapper Execute with keys", "System.Data.IDbConnection db = null!; Dapper.SqlMapper.Execute(db, \"update ...\", new { c.Id, c.Source });" },
        { "Dapper query parameters only filter", "System.Data.IDbConnection db = null!; Dapper.SqlMapper.Query<int>(db, \"select ...\", new { c.Email });" },
        { "Redis StringSet", "StackExchange.Redis.IDatabase redis = null!; redis.StringSet(\"customer:1\", {|PII003:c.Email|});" },
        { "Redis key", "StackExchange.Redis.IDatabase redis = null!; await redis.StringSetAsync({|PII003:\"customer:\" + c.Email|}, \"1\");" },
        { "Redis HashSet", "StackExchange.Redis.IDatabase redis = null!; redis.HashSet(\"customer:1\", \"phone\", {|PII003:c.Phone|});" },
        { "Redis of keys", "StackExchange.Redis.IDatabase redis = null!; redis.StringSet(\"customer:\" + c.Id, c.Source);" },
        { "Redis read is not a write", "StackExchange.Redis.IDatabase redis = null!; redis.StringGet(c.Email);" },
        { "helper that writes a file", "Exporter.Save(path, {|PII003:c.Email|});" },
        { "helper given data only as the path", "Exporter.Save(c.Email, \"x\");" },
        { "assembly-level declaration", "blobs.Upload(\"name\", {|PII003:c.FullName|});" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Storage(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(Source(body));
    }
}
