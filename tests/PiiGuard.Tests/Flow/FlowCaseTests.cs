using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// Every construct of SPEC.md's "What must be followed", logged through PII002: each positive marks the
/// argument that must be reported, each near-miss has no mark and must stay silent.
/// </summary>
public sealed class FlowCaseTests
{
    private const string L = "log.LogInformation(\"{V}\", ";

    public static TheoryData<string, string> Locals() => new()
    {
        { "local", "var e = c.Email; " + L + "{|PII002:e|});" },
        { "local re-assigned before the sink", "var e = c.Email; e = \"none\"; " + L + "e);" },
        { "local assigned after a clean start", "var e = \"none\"; e = c.Email; " + L + "{|PII002:e|});" },
        { "one branch assigns", "string e; if (text.Length > 0) e = c.Email; else e = \"x\"; " + L + "{|PII002:e|});" },
        { "nested branches join", "var e = \"\"; if (text.Length > 1) { if (text.Length > 2) { e = c.Email; } } else { e = text; } " + L + "{|PII002:e|});" },
        { "nested branches overwrite before the join", "var e = c.Email; if (text.Length > 1) { if (text.Length > 2) { e = \"a\"; } else { e = \"b\"; } } else { e = text; } " + L + "e);" },
        { "code after a return never runs", "if (text.Length > 0) { " + L + "{|PII002:c.Email|}); } return; " + L + "c.Phone);" },
        { "code under a constant false never runs", "if (text.Length > 0) { " + L + "{|PII002:c.Email|}); } if (false) { " + L + "c.Phone); }" },
        { "value assigned under a constant false", "var e = \"\"; if (false) { e = c.Email; } " + L + "e);" },
        { "value assigned under a constant false in a loop", "var e = \"\"; for (var i = 0; i < 2; i++) { if (false) { e = c.Email; } } " + L + "e);" },
        { "seven arms join before the log", "string e; if (text == \"1\") e = \"a\"; else if (text == \"2\") e = \"b\"; else if (text == \"3\") e = \"c\"; else if (text == \"4\") e = \"d\"; else if (text == \"5\") e = \"e\"; else if (text == \"6\") e = \"f\"; else e = c.Email; if (text.Length > 0) { text = \"\"; } " + L + "{|PII002:e|});" },
        { "list a constant chooses", "var clean = new List<string>(); var mails = new List<string>(); (true ? mails : clean).Add(c.Email); " + L + "{|PII002:mails[0]|});" },
        { "list a constant does not choose", "var clean = new List<string>(); var mails = new List<string>(); (true ? mails : clean).Add(c.Email); " + L + "clean[0]);" },
        { "both branches overwrite", "var e = c.Email; if (text == \"\") { e = \"a\"; } else { e = \"b\"; } " + L + "e);" },
        { "overwritten by a parameter", "var e = c.Email; e = text; " + L + "e);" },
        { "loop accumulates", "var s = \"\"; foreach (var v in c.Vehicles) s += v.Vin; " + L + "{|PII002:s|});" },
        { "loop accumulates clean members", "var s = \"\"; foreach (var v in c.Vehicles) s += v.Model; " + L + "s);" },
        { "loop back edge", "var last = \"\"; for (var i = 0; i < 3; i++) { " + L + "{|PII002:last|}); last = c.Email; }" },
        { "loop that clears before logging", "var last = \"\"; for (var i = 0; i < 3; i++) { last = \"\"; " + L + "last); last = c.Email; }" },
        { "value assigned in a second loop, logged after both", "var e = \"\"; for (var i = 0; i < 2; i++) { e = text; } for (var j = 0; j < 2; j++) { if (j > 0) { e = c.Email; } } " + L + "{|PII002:e|});" },
        { "logged before a loop that assigns it", L + "text); for (var i = 0; i < 2; i++) { text = c.Email; }" },
        { "nested loops carry a value out", "var e = \"\"; foreach (var x in customers) { foreach (var v in x.Vehicles) { e = x.Email; } } " + L + "{|PII002:e|});" },
        { "loop inside a branch", "var e = \"\"; if (text.Length > 0) { while (e.Length < 30) { e += c.Email; } } " + L + "{|PII002:e|});" },
        { "loops a goto interleaves", "var e = \"\"; var n = 0; first: n++; second: if (n > 9) goto done; if (n % 2 == 0) goto first; " + L + "{|PII002:e|}); e = c.Email; n += 3; goto second; done: " + L + "{|PII002:e|});" },
        { "value cleared after the loop", "var e = c.Email; for (var i = 0; i < 2; i++) { e = e + text; } e = \"\"; " + L + "e);" },
        { "while loop", "var s = c.Email; while (s.Length > 3) { s = s.Substring(1); } " + L + "{|PII002:s|});" },
        { "field of this", "_saved = c.Email; " + L + "{|PII002:_saved|});" },
        { "field of this overwritten", "_saved = c.Email; _saved = \"x\"; " + L + "_saved);" },
        { "compound assignment", "var s = \"to: \"; s += c.Email; " + L + "{|PII002:s|});" },
        { "coalescing assignment", "string? e = null; e ??= c.Email; " + L + "{|PII002:e|});" },
        { "coalescing assignment of a conditional", "string? e = null; e ??= text.Length > 1 ? c.Email : text; " + L + "{|PII002:e|});" },
        { "coalescing assignment of a clean value", "string? e = null; e ??= c.Source; " + L + "e);" },
        { "compound assignment of clean data", "var s = \"to: \"; s += c.Id; " + L + "s);" },
        { "object local", "object o = c.Email; " + L + "{|PII002:o|});" },
        { "parameter re-assigned", "text = c.Email; " + L + "{|PII002:text|});" },
        { "plain parameter", L + "text);" },
        { "try block", "var e = \"\"; try { e = c.Email; } catch (Exception) { } " + L + "{|PII002:e|});" },
        { "using block", "var e = \"\"; using (var sha = SHA256.Create()) { e = c.Email; } " + L + "{|PII002:e|});" },
        { "variable of a property pattern", "if (c is { Id: > 0, Email: { Length: > 0 } mail }) { " + L + "{|PII002:mail|}); }" },
        { "variable of a property pattern on a clean member", "if (c is { Id: > 0, Source: var source }) { " + L + "source); }" },
        { "variable of a property pattern on a value holding nothing else", "object o = text; if (o is Customer { Email: var mail }) { " + L + "{|PII002:mail|}); }" },
        { "variable of a negated pattern", "if (c.Phone is not { Length: > 0 } phone) { return; } " + L + "{|PII002:phone|});" },
        { "variable of a declaration pattern", "if (c.Phone is string phone) { " + L + "{|PII002:phone|}); }" },
        { "variable of an extended property pattern", "if (c is { Vehicles.Count: > 0, FullName: var name }) { " + L + "{|PII002:name|}); }" },
        { "switch statement case", "switch (c) { case { Email: var m } when m.Length > 0: " + L + "{|PII002:m|}); break; case { Source: var s }: " + L + "s); break; }" },
        { "switch expression arm", "var who = c switch { { Phone: { } p } => p, _ => \"unknown\" }; " + L + "{|PII002:who|});" },
        { "switch expression arm of a clean member", "var who = c switch { { Source: { } s } => s, _ => \"unknown\" }; " + L + "who);" },
        { "positional pattern on a tuple", "var pair = (c.Email, c.Id); if (pair is (var m, > 0)) { " + L + "{|PII002:m|}); } if (pair is (_, var id)) { " + L + "id); }" },
        { "list pattern", "string[] mails = { c.Email }; if (mails is [var first, ..]) { " + L + "{|PII002:first|}); }" },
        { "record copied with another member replaced", "var r = new DtoRecord(c.Email, c.Source); var copy = r with { Source = \"web\" }; " + L + "{|PII002:copy|});" },
        { "record copied with its personal member replaced", "var r = new DtoRecord(c.Email, c.Source); var copy = r with { Email = \"withheld\" }; " + L + "copy);" },
        { "member of a record copy", "var r = new DtoRecord(c.Email, c.Source); " + L + "{|PII002:(r with { Source = \"web\" }).Email|}); " + L + "(r with { Email = \"\" }).Email);" },
        { "catch block logging the customer it failed for", "try { text = text.Trim(); } catch (Exception ex) { log.LogError(ex, \"Failed for {Email}\", {|PII002:c.Email|}); }" },
        { "catch block logging the key", "try { text = text.Trim(); } catch (Exception ex) { log.LogError(ex, \"Failed for {Id}\", c.Id); }" },
        { "catch block with a filter", "try { text = text.Trim(); } catch (Exception ex) when (ex.Message.Length > 0) { log.LogError(ex, \"Failed for {Email}\", {|PII002:c.Email|}); }" },
        { "exception filter itself", "try { text = text.Trim(); } catch (Exception ex) when (Log(c.Email)) { } bool Log(string v) { " + L + "{|PII002:v|}); return false; }" },
        { "catch inside a loop over a list", "foreach (var x in customers) { try { text = text.Trim(); } catch (Exception ex) { log.LogWarning(ex, \"Skipped {Email}\", {|PII002:x.Email|}); } }" },
        { "loop over a list inside a try", "try { foreach (var x in customers) { text = x.Email; } } catch (Exception) { " + L + "{|PII002:text|}); }" },
        { "value a finally assigns, read after the try", "var note = \"\"; try { text = text.Trim(); } finally { note = c.Email; } " + L + "{|PII002:note|});" },
        { "value a finally clears, read after the try", "var note = \"\"; try { note = text; } finally { note = text.Trim(); } " + L + "note);" },
        { "finally block", "try { text = text.Trim(); } finally { " + L + "{|PII002:c.Email|}); }" },
        { "catch sees a value assigned in the try before a throwing call", "var e = \"\"; try { e = c.Email; text = text.Trim(); e = \"\"; } catch (Exception) { " + L + "{|PII002:e|}); }" },
        { "catch after the try cleared the value", "var e = c.Email; e = \"\"; try { text = text.Trim(); } catch (Exception) { " + L + "e); }" },
        { "nested try: the outer catch sees the inner try and its catch", "var e = \"\"; try { try { e = c.Email; text = text.Trim(); } catch (ArgumentException) { e = c.Phone!; throw; } } catch (Exception) { " + L + "{|PII002:e|}); }" },
    };

    public static TheoryData<string, string> Expressions() => new()
    {
        { "conditional", L + "{|PII002:text.Length > 0 ? c.Email : \"none\"|});" },
        { "conditional of constants", L + "c.Email != null ? \"has\" : \"none\");" },
        { "coalesce", L + "{|PII002:c.Phone ?? \"none\"|});" },
        { "coalesce of clean values", L + "text ?? \"none\");" },
        { "cast", L + "{|PII002:(object)c.Email|});" },
        { "switch expression", "var s = c.Id switch { 0 => c.Email, _ => \"x\" }; " + L + "{|PII002:s|});" },
        { "switch expression of constants", "var s = c.Id switch { 0 => \"a\", _ => \"b\" }; " + L + "s);" },
        { "null-conditional call", L + "{|PII002:c.Phone?.Trim()|});" },
        { "null-conditional length", L + "c.Phone?.Length);" },
        { "interpolation", "log.LogInformation({|PII002:$\"Customer {c.Email}\"|});" },
        { "interpolation with format", "log.LogInformation({|PII002:$\"Born {c.DateOfBirth:yyyy-MM-dd}\"|});" },
        { "interpolation of the key", "log.LogInformation($\"Customer {c.Id}\");" },
        { "concatenation", "log.LogInformation({|PII002:\"Customer \" + c.LastName|});" },
        { "concatenation of the key", "log.LogInformation(\"Customer \" + c.Id);" },
        { "string.Format", L + "{|PII002:string.Format(\"{0}\", c.Email)|});" },
        { "string.Concat", L + "{|PII002:string.Concat(c.FirstName, c.LastName)|});" },
        { "string.Join", L + "{|PII002:string.Join(\",\", c.Email, c.Phone)|});" },
        { "string.Join of keys", L + "string.Join(\",\", c.Id, c.Source));" },
        { "StringBuilder", "var sb = new StringBuilder(); sb.Append(\"a\").Append(c.Email); " + L + "{|PII002:sb.ToString()|});" },
        { "StringBuilder constructor", "var sb = new StringBuilder(c.Email); " + L + "{|PII002:sb|});" },
        { "StringBuilder given an interpolated line", "var sb = new StringBuilder(); sb.AppendLine($\"{c.Id},{c.Email}\"); " + L + "{|PII002:sb.ToString()|});" },
        { "StringBuilder given an interpolated line of keys", "var sb = new StringBuilder(); sb.AppendLine($\"{c.Id},{c.Source}\"); " + L + "sb.ToString());" },
        { "StringBuilder field given an interpolated line", "_builder.Append($\"{c.Phone}\"); " + L + "{|PII002:_builder|});" },
        { "StringBuilder cleared before it is reused", "var sb = new StringBuilder(); sb.Append(c.Email); log.LogInformation(\"{V}\", {|PII002:sb.ToString()|}); sb.Clear(); sb.Append(c.Id); " + L + "sb.ToString());" },
        { "StringBuilder given data after it was cleared", "var sb = new StringBuilder(); sb.Clear(); sb.Append(c.Phone); " + L + "{|PII002:sb.ToString()|});" },
        { "StringBuilder of keys", "var sb = new StringBuilder(); sb.Append(c.Id).AppendLine(c.Source); " + L + "sb.ToString());" },
        { "nameof", L + "nameof(c.Email));" },
        { "typeof", L + "typeof(Customer));" },
        { "await of a marked return", "var e = await Helpers.LoadEmailAsync(); " + L + "{|PII002:e|});" },
        { "await of a clean task", "var n = await Task.FromResult(c.Id); " + L + "n);" },
        { "int.Parse keeps the data", L + "{|PII002:int.Parse(c.Phone!)|});" },
        { "arithmetic on the key", L + "c.Id * 2);" },
    };

    public static TheoryData<string, string> StringMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var call in new[]
        {
            "Trim()", "TrimStart()", "TrimEnd('x')", "ToUpper()", "ToUpperInvariant()", "ToLower()", "ToLowerInvariant()",
            "Substring(1)", "Substring(0, 3)", "Replace(\"@\", \" at \")", "PadLeft(40)", "Normalize()", "Insert(0, \"<\")",
            "Remove(0, 1)", "Split('@')[1]", "ToString()", "ToCharArray()", "AsSpan().ToString()",
        })
        {
            data.Add(call, L + "{|PII002:c.Email." + call + "|});");
        }

        data.Add("DateTime.ToString", L + "{|PII002:c.DateOfBirth.ToString(\"yyyy\")|});");
        data.Add("DateTime.Year", L + "{|PII002:c.DateOfBirth.Year|});");
        return data;
    }

    public static TheoryData<string, string> CannotCarry()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in new[]
        {
            "c.Email.Length", "c.Email == text", "c.Email != text", "string.IsNullOrEmpty(c.Email)", "string.IsNullOrWhiteSpace(c.Phone)",
            "c.Vehicles.Count", "c.Email.Contains(\"@\")", "c.Email.StartsWith(\"a\")", "c.Email.EndsWith(\".com\")", "c.Email.Equals(text)",
            "c.Email.IndexOf('@')", "c.Email.CompareTo(text)", "c.Email.GetHashCode()", "customers.Count(x => x.Email.Length > 0)",
            "customers.Any(x => x.Email == text)", "customers.Select(x => x.Id).Sum()", "c.Phone is null", "c.Email is { Length: > 3 }",
            "c.Id.ToString()", "c.Label", "c", "customers", "dto", "c.Vehicles",
        })
        {
            data.Add(value, L + value + ");");
        }

        return data;
    }

    public static TheoryData<string, string> Encodings()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in new[]
        {
            "Encoding.UTF8.GetBytes(c.Email)", "Encoding.ASCII.GetBytes(c.Email)", "Encoding.Unicode.GetString(Encoding.Unicode.GetBytes(c.Email))",
            "Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Email))", "Convert.ToHexString(Encoding.UTF8.GetBytes(c.Email))",
            "Uri.EscapeDataString(c.Email)", "System.Net.WebUtility.UrlEncode(c.Email)", "System.Net.WebUtility.HtmlEncode(c.Email)",
        })
        {
            data.Add(value, L + "{|PII002:" + value + "|});");
        }

        return data;
    }

    public static TheoryData<string, string> Sanitisers() => new()
    {
        { "[Redacts] helper", L + "Helpers.Hide(c.Email));" },
        { "PiiMask", L + "PiiMask.Mask(c.Email));" },
        { "PiiPseudonymizer", L + "new PiiPseudonymizer(key).Pseudonymize(c.Email));" },
        { "SHA256.HashData", L + "Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Email))));" },
        { "HMAC ComputeHash", "using var hmac = new HMACSHA256(key); " + L + "Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(c.Email))));" },
        { "HMACSHA256.HashData", L + "Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(c.Email))));" },
        { "sanitised in a branch only", L + "{|PII002:text.Length > 0 ? PiiMask.Mask(c.Email) : c.Email|});" },
        { "sanitised in both branches", L + "text.Length > 0 ? PiiMask.Mask(c.Email) : \"none\");" },
        { "sanitised local", "var e = PiiMask.Mask(c.Email); " + L + "e);" },
        { "hash of a local then overwritten by data", "var e = PiiMask.Mask(c.Email); e = c.Phone; " + L + "{|PII002:e|});" },
    };

    public static TheoryData<string, string> Aggregates() => new()
    {
        { "tuple", "var t = (c.Email, c.Id); " + L + "{|PII002:t|});" },
        { "tuple item", "var t = (c.Email, c.Id); " + L + "{|PII002:t.Item1|});" },
        { "tuple clean item", "var t = (c.Email, c.Id); " + L + "t.Item2);" },
        { "named tuple element", "var t = (Mail: c.Email, Key: c.Id); " + L + "{|PII002:t.Mail|});" },
        { "named tuple clean element", "var t = (Mail: c.Email, Key: c.Id); " + L + "t.Key);" },
        { "deconstruction", "var (mail, id) = (c.Email, c.Id); " + L + "{|PII002:mail|});" },
        { "deconstruction clean part", "var (mail, id) = (c.Email, c.Id); " + L + "id);" },
        { "anonymous object", L + "{|PII002:new { c.Email, c.Id }|});" },
        { "anonymous object of keys", L + "new { c.Id, c.Source });" },
        { "anonymous member", "var a = new { Mail = c.Email, c.Id }; " + L + "{|PII002:a.Mail|});" },
        { "anonymous clean member", "var a = new { Mail = c.Email, c.Id }; " + L + "a.Id);" },
        { "object initializer member", "var d = new PlainDto { Email = c.Email, Source = c.Source }; " + L + "{|PII002:d.Email|});" },
        { "object initializer clean member", "var d = new PlainDto { Email = c.Email, Source = c.Source }; " + L + "d.Source);" },
        { "plain DTO object is not printed", "var d = new PlainDto { Email = c.Email }; " + L + "d);" },
        { "member assigned after creation", "var d = new PlainDto(); d.Email = c.Email; " + L + "{|PII002:d.Email|});" },
        { "member re-assigned after creation", "var d = new PlainDto(); d.Email = c.Email; d.Email = \"\"; " + L + "d.Email);" },
        { "record object prints its members", "var r = new DtoRecord(c.Email, c.Source); " + L + "{|PII002:r|});" },
        { "record of clean values", "var r = new DtoRecord(\"x\", c.Source); " + L + "r);" },
        { "record member", "var r = new DtoRecord(c.Email, c.Source); " + L + "{|PII002:r.Email|});" },
        { "record clean member", "var r = new DtoRecord(c.Email, c.Source); " + L + "r.Source);" },
        { "list Add", "var list = new List<string>(); list.Add(c.Email); " + L + "{|PII002:list[0]|});" },
        { "list Add of keys", "var list = new List<string>(); list.Add(c.Source); " + L + "list[0]);" },
        { "collection initializer", "var list = new List<string> { c.Email }; " + L + "{|PII002:string.Join(\",\", list)|});" },
        { "collection expression", "string[] list = [c.Email]; " + L + "{|PII002:list[0]|});" },
        { "array initializer", "var arr = new[] { c.Email }; " + L + "{|PII002:arr[0]|});" },
        { "array element assignment", "var arr = new string[1]; arr[0] = c.Email; " + L + "{|PII002:arr[0]|});" },
        { "array of keys", "var arr = new[] { c.Source }; " + L + "arr[0]);" },
        { "dictionary indexer", "var map = new Dictionary<int, string>(); map[c.Id] = c.Email; " + L + "{|PII002:map[c.Id]|});" },
        { "dictionary of keys", "var map = new Dictionary<int, string>(); map[c.Id] = c.Source; " + L + "map[c.Id]);" },
        { "list First", "var list = new List<string> { c.Email }; " + L + "{|PII002:list.First()|});" },
        { "nested member", "Console.WriteLine({|PII002:c.Vehicles[0].Vin|});" },
        { "nested clean member", "Console.WriteLine(c.Vehicles[0].Model);" },
    };

    public static TheoryData<string, string> Linq() => new()
    {
        { "Select", L + "{|PII002:customers.Select(x => x.Email).First()|});" },
        { "Where then Select", L + "{|PII002:string.Join(\",\", customers.Where(x => x.Id > 0).Select(x => x.FullName))|});" },
        { "Select of keys", L + "string.Join(\",\", customers.Select(x => x.Id)));" },
        { "query syntax", L + "{|PII002:string.Join(\",\", from x in customers select x.Email)|});" },
        { "query syntax of keys", L + "string.Join(\",\", from x in customers where x.Email != null select x.Source));" },
        { "SelectMany", L + "{|PII002:string.Join(\",\", customers.SelectMany(x => x.Vehicles).Select(v => v.Vin))|});" },
        { "ToDictionary values", L + "{|PII002:string.Join(\",\", customers.ToDictionary(x => x.Id, x => x.Email).Values)|});" },
        { "the largest of the birth years", L + "{|PII002:customers.Select(x => x.DateOfBirth.Year).Max()|});" },
        { "foreach over DTOs built in a projection", "var rows = customers.Select(x => new PlainDto { Email = x.Email }).ToList(); foreach (var r in rows) { " + L + "{|PII002:r.Email|}); " + L + "r.Source); }" },
        { "foreach over DTOs built from keys", "var rows = customers.Select(x => new PlainDto { Source = x.Source }).ToList(); foreach (var r in rows) { " + L + "r.Email); }" },
        { "DTOs built in a projection pass through ToList and First", "var first = customers.Select(x => new PlainDto { Email = x.Email }).ToList().First(); " + L + "{|PII002:first.Email|});" },
        { "DTOs built from keys pass through ToList and First", "var first = customers.Select(x => new PlainDto { Source = x.Source }).ToList().First(); " + L + "first.Email);" },
        { "a clean member projected from DTOs built here", L + "string.Join(\",\", customers.Select(x => new PlainDto { Email = x.Email, Source = x.Source }).Select(d => d.Source).ToList()));" },
        { "OrderBy keeps elements of keys", L + "string.Join(\",\", customers.OrderBy(x => x.Email).Select(x => x.Id)));" },
    };

    public static TheoryData<string, string> LambdasAndLocalFunctions() => new()
    {
        { "sink inside a lambda", "customers.ForEach(x => log.LogInformation(\"{E}\", {|PII002:x.Email|}));" },
        { "clean sink inside a lambda", "customers.ForEach(x => log.LogInformation(\"{I}\", x.Id));" },
        { "captured local", "var captured = c.Email; Action a = () => log.LogInformation(\"{E}\", {|PII002:captured|}); a();" },
        { "captured clean local", "var captured = c.Source; Action a = () => log.LogInformation(\"{E}\", captured); a();" },
        { "local function", "void Local() => log.LogInformation(\"{E}\", {|PII002:c.Email|}); Local();" },
        { "clean local function", "void Local() => log.LogInformation(\"{E}\", c.Id); Local();" },
        { "local function given the data as its parameter", "void Note(string v) => log.LogInformation(\"{E}\", {|PII002:v|}); Note(c.Email);" },
        { "local function given clean values only", "void Note(string v) => log.LogInformation(\"{E}\", v); Note(c.Source); Note(text);" },
        { "local function called twice: one finding with both values", "void Note(string v) => log.LogInformation(\"{E}\", {|PII002:v|}); Note(c.Email); Note(c.Phone!);" },
        { "local function returning the data", "string Describe() => $\"{c.FullName} <{c.Email}>\"; " + L + "{|PII002:Describe()|});" },
        { "local function returning keys", "string Describe() => $\"customer {c.Id}\"; " + L + "Describe());" },
        { "local function returning what it is given", "string Quote(string v) => $\"'{v}'\"; " + L + "{|PII002:Quote(c.Email)|}); " + L + "Quote(text));" },
        { "local function filling a captured local", "var e = \"\"; void Fill() => e = c.Email; Fill(); " + L + "{|PII002:e|});" },
        { "recursive local function", "string Repeat(string v, int n) => n == 0 ? v : Repeat(v + v, n - 1); " + L + "{|PII002:Repeat(c.Email, 3)|}); " + L + "Repeat(text, 3));" },
        { "lambda given the elements of a list it is called on", "var phones = customers.Select(x => x.Phone).ToList(); phones.ForEach(p => log.LogInformation(\"{P}\", {|PII002:p|}));" },
        { "lambda given the elements of a list of keys", "var ids = customers.Select(x => x.Source).ToList(); ids.ForEach(p => log.LogInformation(\"{P}\", p));" },
        { "factory lambda given the key, not the values", "var cache = new System.Collections.Concurrent.ConcurrentDictionary<int, string>(); cache[c.Id] = c.Email; cache.GetOrAdd(1, k => { log.LogInformation(\"{K}\", k); return \"\"; });" },
        { "iterator yielding the data", "IEnumerable<string> Mails() { foreach (var x in customers) { yield return x.Email; } } foreach (var m in Mails()) { " + L + "{|PII002:m|}); }" },
        { "iterator yielding keys", "IEnumerable<string> Sources() { foreach (var x in customers) { yield return x.Source; } } foreach (var m in Sources()) { " + L + "m); }" },
        { "local function recursing on several paths", "string P(int n) => n <= 0 ? c.Email : P(n - 1) + P(n - 2) + P(n - 3) + P(n - 4); " + L + "{|PII002:P(12)|});" },
        { "async lambda", "Func<Task> f = async () => { await Task.Yield(); log.LogInformation(\"{E}\", {|PII002:c.Phone|}); }; await f();" },
    };

    public static TheoryData<string, string> Interprocedural() => new()
    {
        { "helper returns its argument", L + "{|PII002:Helpers.Same(c.Email)|});" },
        { "helper returns a constant", L + "Helpers.Constant(c.Email));" },
        { "helper reads a computed property", L + "{|PII002:Helpers.Describe(c)|});" },
        { "helper returns only a length", L + "Helpers.Unrelated(c.Email));" },
        { "helper with a local", L + "{|PII002:Helpers.Wrap(c.Email)|});" },
        { "helper with a local, clean argument", L + "Helpers.Wrap(c.Source));" },
        { "recursive helper", L + "{|PII002:Helpers.Loop(c.Email, 3)|});" },
        { "chain of four helpers", L + "{|PII002:Helpers.A(c.Email)|});" },
        { "chain of four helpers, clean argument", L + "Helpers.A(text));" },
        { "computed property", L + "{|PII002:c.FullName|});" },
        { "computed property of the key", L + "c.Label);" },
        { "helper that logs", "audit.Write({|PII002:c.Email|});" },
        { "helper that logs, clean argument", "audit.Write(c.Source);" },
        { "helper that logs only a length", "audit.Length(c.Email);" },
        { "helper that logs through another helper", "audit.Nested({|PII002:c.Email|});" },
        { "helper that ignores its argument", "audit.Ignore(c.Email);" },
        { "helper that logs a local holding data", "var e = c.Email; audit.Write({|PII002:e|});" },
        { "helper that logs inside a lambda", "audit.Later({|PII002:c.Email|});" },
        { "helper that logs inside a local function", "audit.Locally({|PII002:c.Email|});" },
        { "helper that logs each element in a loop", "audit.Each({|PII002:new List<string> { c.Email }|});" },
        { "mutually recursive helpers that log", "audit.Ping({|PII002:c.Email|}, 2);" },
        { "mutually recursive helpers that never log", "audit.Quiet(c.Email, 2);" },
    };

    public static TheoryData<string, string> WholeObjects() => new()
    {
        { "ToString override reading personal members", "var p = new Printed(); " + L + "{|PII002:p|});" },
        { "ToString override reading the key", "var n = new NotPrinted(); " + L + "n);" },
        { "interpolated printing object", "var p = new Printed(); log.LogInformation({|PII002:$\"{p}\"|});" },
        { "interpolated non-printing object", "var n = new NotPrinted(); log.LogInformation($\"{n}\");" },
        { "explicit ToString of printing object", "var p = new Printed(); " + L + "{|PII002:p.ToString()|});" },
        { "explicit ToString of plain carrier", L + "c.ToString());" },
        { "record with a marked member", "var r = new CustomerRecord(1, c.Email); " + L + "{|PII002:r|});" },
        { "plain carrier", L + "c);" },
        { "plain carrier in Console", "Console.WriteLine(c);" },
        { "plain carrier concatenated", "log.LogInformation(\"Customer: \" + c);" },
        { "value of a [Pii] type", L + "{|PII002:address|});" },
        { "member of a [Pii] type", L + "{|PII002:address.Value|});" },
    };

    [Theory]
    [MemberData(nameof(Locals))]
    [MemberData(nameof(Expressions))]
    [MemberData(nameof(StringMethods))]
    [MemberData(nameof(CannotCarry))]
    [MemberData(nameof(Encodings))]
    [MemberData(nameof(Sanitisers))]
    [MemberData(nameof(Aggregates))]
    [MemberData(nameof(Linq))]
    [MemberData(nameof(LambdasAndLocalFunctions))]
    [MemberData(nameof(Interprocedural))]
    [MemberData(nameof(WholeObjects))]
    public Task Flow_case(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InBody(body));
    }
}
