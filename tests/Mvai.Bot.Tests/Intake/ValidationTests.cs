using Mvai.Bot.Intake.Validation;

namespace Mvai.Bot.Tests.Intake;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("Texas", "TX")]
    [InlineData("tx", "TX")]
    [InlineData("Tex.", "TX")]
    [InlineData("  new   york ", "NY")]
    [InlineData("Washington, D.C.", "DC")]
    [InlineData("Puerto Rico", "PR")]
    [InlineData("Narnia", null)]
    [InlineData("", null)]
    public void UsStates_NormalizeCommonSpellings(string text, string? code) => Assert.Equal(code, UsStates.Normalize(text));

    [Theory]
    [InlineData("Springfield, IL", "Springfield", "IL")]
    [InlineData("uvalde texas", "Uvalde", "TX")]
    [InlineData("NEWTOWN CT", "Newtown", "CT")]
    [InlineData("Las Vegas, Nevada.", "Las Vegas", "NV")]
    [InlineData("Kansas City, MO", "Kansas City", "MO")]
    [InlineData("West Virginia City, West Virginia", "West Virginia City", "WV")]
    [InlineData("St. Louis, Missouri", "St Louis", "MO")]
    public void CityAndState_ParsesTheUsualForms(string text, string city, string state) =>
        Assert.Equal((city, state), CityAndState.Parse(text));

    [Theory]
    [InlineData("Springfield")]
    [InlineData("Texas")]
    [InlineData("Paris, France")]
    public void CityAndState_WithoutACityOrAUsState_IsRejected(string text) => Assert.Null(CityAndState.Parse(text));

    [Theory]
    [InlineData("555-234-0100", "(555) 234-0100")]
    [InlineData("(555) 234 0100", "(555) 234-0100")]
    [InlineData("+1 555.234.0100", "(555) 234-0100")]
    [InlineData("15552340100", "(555) 234-0100")]
    [InlineData("555-234-0100 ext. 12", "(555) 234-0100 ext. 12")]
    [InlineData("555 234 0100 x7", "(555) 234-0100 ext. 7")]
    public void PhoneNumbers_AreNormalised(string text, string expected) => Assert.Equal(expected, PhoneNumbers.Normalize(text));

    [Theory]
    [InlineData("234-0100")]
    [InlineData("055-234-0100")]
    [InlineData("555-134-0100")]
    [InlineData("call me maybe")]
    [InlineData("555-CALL-NOW")]
    [InlineData("12345678901234")]
    public void PhoneNumbers_Invalid_AreRejected(string text) => Assert.Null(PhoneNumbers.Normalize(text));

    [Theory]
    [InlineData("chief@springfield-pd.gov", "chief@springfield-pd.gov")]
    [InlineData(" J.Doe@City.ORG. ", "J.Doe@city.org")]
    [InlineData("<pio@county.us>", "pio@county.us")]
    public void EmailAddresses_AreNormalised(string text, string expected) => Assert.Equal(expected, EmailAddresses.Normalize(text));

    [Theory]
    [InlineData("chief at springfield dot gov")]
    [InlineData("chief@localhost")]
    [InlineData("chief@city.c0m")]
    [InlineData("two words@city.gov")]
    [InlineData("@city.gov")]
    public void EmailAddresses_Invalid_AreRejected(string text) => Assert.Null(EmailAddresses.Normalize(text));
}
