using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Tests.Ingestion.Synthetic;

public sealed class SyntheticOptionsTests
{
    [Theory]
    [InlineData("2021-2026", 2021, 2026)]
    [InlineData("2025", 2025, 2025)]
    [InlineData(" 2022 - 2023 ", 2022, 2023)]
    public void ParseYears_RangeOrSingleYear_ReturnsBounds(string text, int first, int last)
    {
        Assert.Equal((first, last), SyntheticOptions.ParseYears(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-")]
    [InlineData("năm 2021")]
    [InlineData("2021-2022-2023")]
    public void ParseYears_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => SyntheticOptions.ParseYears(text));
    }

    [Fact]
    public void EffectiveAsOf_RangeEndingBeforeDefault_IsTheEndOfTheLastYear()
    {
        Assert.Equal(new DateTime(2023, 12, 31, 23, 59, 59), new SyntheticOptions { LastYear = 2023 }.EffectiveAsOf);
        Assert.Equal(SyntheticOptions.DefaultAsOf, new SyntheticOptions { LastYear = 2030 }.EffectiveAsOf);
        Assert.Equal(new DateTime(2022, 5, 1), new SyntheticOptions { AsOf = new DateTime(2022, 5, 1) }.EffectiveAsOf);
    }

    [Fact]
    public void Validate_AsOfBeforeTheFirstYear_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SyntheticOptions { FirstYear = 2023, AsOf = new DateTime(2022, 12, 1) }.Validate());
    }
}
