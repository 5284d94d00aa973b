using CrmKit.Plugins.OneC.Model;

namespace CrmKit.Plugins.OneC.Tests;

public sealed class LineMathTests
{
    [Fact]
    public void VatIncluded_ShouldBeTheShareOfTheAmount()
    {
        // The golden order's first line: 10 × 1200.00, VAT 20% included → 2000.00 of 12000.00.
        var totals = LineMath.Compute(10m, 1200m, 0m, 20m, vatIncluded: true);

        totals.ShouldBe(new LineTotals(Amount: 12000.00m, Discount: 0m, Vat: 2000.00m, Total: 12000.00m));
    }

    [Fact]
    public void VatOnTop_ShouldBeAddedToTheTotal()
    {
        // The 1C 2.09 sample's line: 3338 at 18% not included → 600.84.
        var totals = LineMath.Compute(1m, 3338m, 0m, 18m, vatIncluded: false);

        totals.Vat.ShouldBe(600.84m);
        totals.Total.ShouldBe(3938.84m);
    }

    [Fact]
    public void Discount_ShouldBeRoundedBeforeTheAmountAndTheVat()
    {
        // 3 × 33.33 = 99.99; 7.5% of it = 7.49925 → 7.50; amount 92.49; VAT 20% included = 92.49 × 20 / 120 = 15.415 → 15.42.
        var totals = LineMath.Compute(3m, 33.33m, 7.5m, 20m, vatIncluded: true);

        totals.ShouldBe(new LineTotals(92.49m, 7.50m, 15.42m, 92.49m));
    }

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344999", "2.34")]
    public void Round_ShouldBeHalfAwayFromZero(string value, string expected) =>
        LineMath.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Totals_ShouldBeExactForAmountsFloatingPointCannotHold()
    {
        // 0.1 + 0.2 style amounts: in double 3 × 0.1 × 1 is 0.30000000000000004.
        var totals = LineMath.Compute(3m, 0.1m, 0m, null, vatIncluded: true);

        totals.Amount.ShouldBe(0.30m);
        totals.Vat.ShouldBe(0m);
    }

    [Theory]
    [InlineData("20", "20")]
    [InlineData("20%", "20")]
    [InlineData("НДС18", "18")]
    [InlineData("Без налога", "none")]
    [InlineData("без НДС", "none")]
    [InlineData("13", null)]
    [InlineData("", null)]
    public void VatRates_ShouldReadWhat1CWrites(string text, string? expected) => VatRates.FromText(text).ShouldBe(expected);
}
