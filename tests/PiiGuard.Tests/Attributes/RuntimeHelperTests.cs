using System.Reflection;

namespace PiiGuard.Tests.Attributes;

public sealed class RuntimeHelperTests
{
    private static readonly byte[] Key = Enumerable.Repeat((byte)0x0b, 32).ToArray();

    [Theory]
    [InlineData("jane.doe@example.com", 0, "***")]
    [InlineData("jane.doe@example.com", 2, "ja***")]
    [InlineData("AB12 CDE", 100, "AB***")] // never more than a third of the value
    [InlineData("Jo", 1, "***")]           // too short to show anything
    [InlineData("", 3, "")]
    [InlineData(null, 3, null)]
    public void Mask_hides_the_value_and_its_length(string? value, int visible, string? expected) =>
        Assert.Equal(expected, PiiMask.Mask(value, visible));

    [Fact]
    public void Mask_of_other_types_hides_their_text()
    {
        Assert.Equal("***", PiiMask.Mask((object)new DateOnly(1980, 5, 17)));
        Assert.Null(PiiMask.Mask((object?)null));
        Assert.Throws<ArgumentOutOfRangeException>(() => PiiMask.Mask("x", -1));
    }

    [Fact]
    public void Pseudonymize_is_HMAC_SHA256_of_the_UTF8_bytes() =>
        // Expected value computed independently (Python hmac, key = 32 × 0x0b, message "Hi There").
        Assert.Equal(
            "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7",
            PiiPseudonymizer.Pseudonymize("Hi There", Key));

    [Fact]
    public void Pseudonymize_is_stable_per_key_and_differs_across_keys()
    {
        var pseudonymizer = new PiiPseudonymizer(Key);
        var other = new PiiPseudonymizer(Enumerable.Repeat((byte)0x0c, 32).ToArray());
        Assert.Equal(pseudonymizer.Pseudonymize("WVWZZZ1JZXW000001"), pseudonymizer.Pseudonymize("WVWZZZ1JZXW000001"));
        Assert.NotEqual(pseudonymizer.Pseudonymize("WVWZZZ1JZXW000001"), other.Pseudonymize("WVWZZZ1JZXW000001"));
        Assert.NotEqual(pseudonymizer.Pseudonymize("a@example.com"), pseudonymizer.Pseudonymize("b@example.com"));
        Assert.Null(pseudonymizer.Pseudonymize(null));
    }

    [Fact]
    public void Pseudonymizer_rejects_short_keys_and_copies_the_key()
    {
        Assert.Throws<ArgumentException>(() => new PiiPseudonymizer(new byte[16]));
        Assert.Throws<ArgumentNullException>(() => new PiiPseudonymizer(null!));

        var key = (byte[])Key.Clone();
        var pseudonymizer = new PiiPseudonymizer(key);
        var before = pseudonymizer.Pseudonymize("x");
        key[0] ^= 0xff;
        Assert.Equal(before, pseudonymizer.Pseudonymize("x"));
    }

    [Theory]
    [InlineData(typeof(PiiMask), nameof(PiiMask.Mask))]
    [InlineData(typeof(PiiPseudonymizer), nameof(PiiPseudonymizer.Pseudonymize))]
    public void Helpers_are_marked_as_redactors(Type type, string method) =>
        Assert.All(
            type.GetMethods().Where(m => m.Name == method),
            m => Assert.NotNull(m.GetCustomAttribute<RedactsAttribute>()));
}
