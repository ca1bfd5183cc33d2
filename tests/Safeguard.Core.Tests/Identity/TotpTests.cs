using System.Text;
using Safeguard.Identity;

namespace Safeguard.Core.Tests.Identity;

public class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 secret is the ASCII string "12345678901234567890"; the 6-digit codes are
    // the last six digits of the published 8-digit values.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        var secret = Totp.Base32Encode(Encoding.ASCII.GetBytes("12345678901234567890"));
        Assert.Equal(expected, Totp.CodeAt(secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void Base32_round_trips_and_rejects_foreign_characters()
    {
        var bytes = Enumerable.Range(0, 37).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(bytes, Totp.Base32Decode(Totp.Base32Encode(bytes)));
        Assert.Equal("GEZDGNBVGY3TQOJQ", Totp.Base32Encode(Encoding.ASCII.GetBytes("1234567890")));
        Assert.Throws<FormatException>(() => Totp.Base32Decode("ABC1"));
    }

    [Fact]
    public void The_authenticator_uri_names_issuer_account_and_secret() =>
        Assert.Equal("otpauth://totp/Safeguard:sam%40example.org?secret=ABC&issuer=Safeguard&digits=6&period=30",
            Totp.AuthenticatorUri("Safeguard", "sam@example.org", "ABC"));
}
