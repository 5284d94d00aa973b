namespace CrmKit.Plugins.OneC.Model;

/// <summary>
/// The exact totals of a deal line, in <see cref="decimal"/>, never floating point. The rounding rule (documented in
/// docs/integrations/1c.md):
/// <list type="number">
/// <item>gross = quantity × price, exact;</item>
/// <item>discount = round(gross × discount% / 100, 2);</item>
/// <item>amount = gross − discount, rounded to 2 decimals (the line's <c>Сумма</c>);</item>
/// <item>VAT included in the price: vat = round(amount × r / (100 + r), 2); added on top: vat = round(amount × r / 100, 2)
/// and the line's total is amount + vat;</item>
/// <item>a deal's totals are the sums of its lines' rounded values — never recomputed from unrounded ones — so the
/// document's <c>Сумма</c> and tax equal the sums of its lines, as 1C checks.</item>
/// </list>
/// Every rounding is to 2 decimals, half away from zero (commercial rounding, as 1C rounds).
/// </summary>
internal static class LineMath
{
    public static LineTotals Compute(decimal quantity, decimal price, decimal discountPercent, decimal? vatPercent, bool vatIncluded)
    {
        var gross = quantity * price;
        var discount = Round(gross * discountPercent / 100m);
        var amount = Round(gross - discount);
        decimal vat = 0;
        if (vatPercent is { } rate && rate != 0)
        {
            vat = vatIncluded ? Round(amount * rate / (100m + rate)) : Round(amount * rate / 100m);
        }

        return new LineTotals(amount, discount, vat, vatIncluded ? amount : amount + vat);
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A line's rounded totals.</summary>
/// <param name="Amount">quantity × price − discount: the line's <c>Сумма</c>.</param>
/// <param name="Discount">The discount amount.</param>
/// <param name="Vat">The VAT amount.</param>
/// <param name="Total">What the buyer pays for the line: the amount, plus VAT when it is not included.</param>
internal readonly record struct LineTotals(decimal Amount, decimal Discount, decimal Vat, decimal Total);
