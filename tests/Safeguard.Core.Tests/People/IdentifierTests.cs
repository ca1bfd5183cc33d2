using Safeguard.People;

namespace Safeguard.Core.Tests.People;

public class IdentifierTests
{
    [Fact]
    public void The_UPN_check_letter_is_the_weighted_sum_modulo_23()
    {
        // H801200001001: 8×2 + 0×3 + 1×4 + 2×5 + 0×6 + 0×7 + 0×8 + 0×9 + 1×10 + 0×11 + 0×12 + 1×13 = 53; 53 mod 23 = 7 → H.
        Assert.Equal('H', UniquePupilNumber.ExpectedCheckLetter("?801200001001"));
        Assert.True(UniquePupilNumber.IsValid("H801200001001"));
        Assert.True(UniquePupilNumber.IsValid("h801200001001"));
        // A temporary UPN ends in a letter, counted as its place in the check letters: A is 0, so the sum is 356; 356 mod 23 = 11 → M.
        Assert.Equal('M', UniquePupilNumber.ExpectedCheckLetter("?20112345678A"));
        Assert.True(UniquePupilNumber.IsValid("M20112345678A"));
    }

    [Theory]
    [InlineData("A801200001001")] // wrong check letter
    [InlineData("H80120000100")] // 12 characters
    [InlineData("H8012000010011")] // 14 characters
    [InlineData("H8012X0001001")] // a letter among the digits
    [InlineData("M20112345678I")] // I is never used
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_or_miscalculated_UPNs_are_refused(string? upn) => Assert.False(UniquePupilNumber.IsValid(upn));

    [Fact]
    public void The_NHS_number_check_digit_is_modulus_11()
    {
        // 943476591: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
        Assert.Equal(9, NhsNumber.CheckDigit("943476591"));
        Assert.True(NhsNumber.IsValid("9434765919"));
        // A remainder of 0 gives 11, which is written 0.
        Assert.Equal(0, NhsNumber.CheckDigit("943476587"));
        Assert.True(NhsNumber.IsValid("9434765870"));
        // 123456789 sums to 210; 210 mod 11 = 1; 11 − 1 = 10: no valid NHS number starts with these digits.
        Assert.Null(NhsNumber.CheckDigit("123456789"));
        Assert.Equal("9434765919", NhsNumber.Normalise("943 476-5919"));
        Assert.Equal("943 476 5919", NhsNumber.Format("9434765919"));
    }

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("1234567890")] // check digit would be 10
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("943476591X")]
    [InlineData(null)]
    public void Wrong_NHS_numbers_are_refused(string? number) => Assert.False(NhsNumber.IsValid(number));

    [Theory]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("bl9 0aa", "BL9 0AA")]
    [InlineData("B33 8TH", "B33 8TH")]
    [InlineData("DN55 1PT", "DN55 1PT")]
    [InlineData("W1A 0AX", "W1A 0AX")]
    [InlineData("EC1A 1BB", "EC1A 1BB")]
    public void UK_postcodes_are_accepted_and_tidied(string entered, string stored) => Assert.Equal(stored, UkPostcode.Normalise(entered));

    [Theory]
    [InlineData("QW1 1AA")] // Q is never an area's first letter
    [InlineData("BL9 OAA")] // the letter O where the sector digit goes
    [InlineData("BL9 0CA")] // C is never a unit letter
    [InlineData("12345")]
    [InlineData("")]
    public void Other_text_is_not_a_postcode(string entered) => Assert.Null(UkPostcode.Normalise(entered));

    [Fact]
    public void Names_fold_and_match_by_sound_or_spelling()
    {
        Assert.Equal("zoe obriensmith", NameMatching.Fold("Zoë O'Brien-Smith"));
        Assert.Equal("S530", NameMatching.Soundex("Smith"));
        Assert.Equal("S530", NameMatching.Soundex("Smyth"));
        Assert.Equal("A261", NameMatching.Soundex("Ashcraft"));
        Assert.Equal(1, NameMatching.EditDistance("jon", "john"));
        Assert.True(NameMatching.AreSimilar("Jon", "Smyth", "John", "Smith"));
        Assert.True(NameMatching.AreSimilar("ZOE", "O'Brien", "Zoë", "OBrien"));
        Assert.True(NameMatching.AreSimilar("J", "Smith", "Jack", "Smith"));
        Assert.False(NameMatching.AreSimilar("Jack", "Smith", "Amira", "Smith"));
        Assert.False(NameMatching.AreSimilar("Jack", "Smith", "Jack", "Okonkwo"));
    }

    [Fact]
    public void Person_codes_come_from_the_census_code_lists()
    {
        Assert.Contains("WBRI", PersonCodes.Ethnicities);
        Assert.Equal("WBRI", PersonCodes.Ethnicities[0]);
        Assert.Contains("AUT", PersonCodes.DisabilityCodes);
        Assert.Equal(["M", "F", "U"], PersonCodes.Sexes);
        Assert.False(PersonCodes.IsEthnicity("XXXX"));
        Assert.Equal("White British (WBRI)", PersonCodes.Describe("WBRI"));
    }
}
