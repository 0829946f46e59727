using System.Diagnostics;
using System.Reflection;

namespace PiiGuard.Tests.Attributes;

public sealed class AttributeContractTests
{
    public static IEnumerable<object[]> AttributeTypes() =>
        typeof(PiiAttribute).Assembly.GetExportedTypes()
            .Where(type => typeof(Attribute).IsAssignableFrom(type))
            .Select(type => new object[] { type.Name });

    private static Type AttributeType(string name) => typeof(PiiAttribute).Assembly.GetExportedTypes().Single(t => t.Name == name);

    [Fact]
    public void PiiCategory_has_the_contract_members_in_the_contract_order() =>
        Assert.Equal(
            [
                "Name", "Email", "PhoneNumber", "PostalAddress", "DateOfBirth", "Gender",
                "NationalIdentifier", "VehicleIdentificationNumber", "VehicleRegistration",
                "IpAddress", "DeviceIdentifier", "OnlineIdentifier", "PreciseLocation",
                "FinancialAccount", "PaymentCard", "Credential",
                "Health", "Biometric", "Genetic", "RacialOrEthnicOrigin", "PoliticalOpinion",
                "ReligiousOrPhilosophicalBelief", "TradeUnionMembership",
                "SexLifeOrSexualOrientation", "CriminalOffence", "Other",
            ],
            Enum.GetNames<PiiCategory>());

    [Theory]
    [InlineData(nameof(PiiAttribute), AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Class | AttributeTargets.Struct, true)]
    [InlineData(nameof(NotPiiAttribute), AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, false)]
    [InlineData(nameof(ThirdPartyProcessorAttribute), AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Assembly, true)]
    [InlineData(nameof(LogSinkAttribute), AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Assembly, true)]
    [InlineData(nameof(StorageSinkAttribute), AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Assembly, true)]
    [InlineData(nameof(RedactsAttribute), AttributeTargets.Method | AttributeTargets.Assembly, true)]
    [InlineData(nameof(EncryptedAttribute), AttributeTargets.Property | AttributeTargets.Field, false)]
    public void Attribute_usage_matches_the_contract(string name, AttributeTargets targets, bool allowMultiple)
    {
        var usage = AttributeType(name).GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.Equal(targets, usage.ValidOn);
        Assert.Equal(allowMultiple, usage.AllowMultiple);
    }

    [Theory]
    [MemberData(nameof(AttributeTypes))]
    public void Attributes_survive_into_metadata(string name) =>
        // [Conditional] would drop the markings from compiled models, so referenced assemblies would look unmarked.
        Assert.Null(AttributeType(name).GetCustomAttribute<ConditionalAttribute>());

    [Fact]
    public void Assembly_level_forms_name_the_type_and_member()
    {
        var processor = new ThirdPartyProcessorAttribute(typeof(string), "Vendor", PiiCategory.Email, PiiCategory.Name);
        Assert.Equal(typeof(string), processor.Client);
        Assert.Equal("Vendor", processor.Name);
        Assert.Equal([PiiCategory.Email, PiiCategory.Name], processor.Permitted);

        var onType = new ThirdPartyProcessorAttribute("Vendor");
        Assert.Null(onType.Client);
        Assert.Empty(onType.Permitted);

        Assert.Equal("Write", new LogSinkAttribute(typeof(Console), "Write").MethodName);
        Assert.Equal(typeof(File), new StorageSinkAttribute(typeof(File), "WriteAllText").Type);
        Assert.Equal("Hash", new RedactsAttribute(typeof(string), "Hash").MethodName);
        Assert.False(new StorageSinkAttribute().Encrypted);
    }

    [Fact]
    public void Every_public_member_has_xml_documentation()
    {
        var xml = Path.ChangeExtension(typeof(PiiAttribute).Assembly.Location, ".xml");
        Assert.True(File.Exists(xml), "PiiGuard.Attributes.xml is not produced");
        var documented = System.Xml.Linq.XDocument.Load(xml).Descendants("member")
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet();

        var missing = typeof(PiiAttribute).Assembly.GetExportedTypes()
            .SelectMany(type => new[] { "T:" + type.FullName }.Concat(
                type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(member => member is not MethodInfo { IsSpecialName: true } and not FieldInfo { IsSpecialName: true })
                    .Select(member => member switch
                    {
                        PropertyInfo p => "P:" + type.FullName + "." + p.Name,
                        FieldInfo f => "F:" + type.FullName + "." + f.Name,
                        ConstructorInfo => "M:" + type.FullName + ".#ctor",
                        _ => "M:" + type.FullName + "." + member.Name,
                    })))
            .Where(id => !documented.Any(d => d == id || d.StartsWith(id + "(", StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }
}
