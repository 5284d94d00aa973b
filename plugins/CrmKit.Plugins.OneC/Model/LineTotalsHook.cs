using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.OneC.Model;

/// <summary>
/// Before a deal line is validated: takes the name, SKU, unit, price and VAT rate from its product where the line
/// leaves them out, then computes its discount, amount, VAT and total exactly (<see cref="LineMath"/>). The computed
/// fields are always overwritten, so a client cannot store totals that disagree with the line.
/// </summary>
public sealed class LineTotalsHook : IRecordHook
{
    /// <inheritdoc />
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = "crmkit.onec.line-totals",
        Entity = OneCEntities.DealLine,
        Stage = PipelineStage.PreValidation,
        Operations = [RecordOperation.Create, RecordOperation.Update],
    };

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Target;
        var line = Values.Merge(context.PreImage?.Values, target);
        if (Values.Id(line, "deal") is null)
        {
            var text = LocalizedText.Of("A deal line belongs to a deal: set 'deal'.", "Строка сделки принадлежит сделке: заполните 'deal'.");
            throw new CrmException(CrmErrorKind.Validation, "deal_line.deal_required", text, [new CrmError("deal_line.deal_required", "/deal", text)]);
        }

        string[] fromProduct = ["name", "sku", "unit", "unit_code", "price", "vat_rate"];
        if (Values.Id(line, "product") is { } productId && fromProduct.Any(f => line[f] is null))
        {
            var records = context.Services.GetRequiredService<IRecordService>();
            var product = await records.GetAsync(context.Principal, OneCEntities.Product, productId, cancellationToken: cancellationToken);
            foreach (var field in fromProduct)
            {
                if (product is not null && line[field] is null && product.Values[field] is { } value)
                {
                    target[field] = value.DeepClone();
                    line[field] = value.DeepClone();
                }
            }
        }

        var quantity = Values.Decimal(line, "quantity") ?? 1m;
        var price = Values.Decimal(line, "price") ?? 0m;
        var discountPercent = Values.Decimal(line, "discount_percent") ?? 0m;
        var rate = Values.Text(line, "vat_rate");
        var included = Values.Boolean(line, "vat_included") ?? true;
        if (line["quantity"] is null)
        {
            target["quantity"] = 1;
        }

        if (line["vat_included"] is null)
        {
            target["vat_included"] = true;
        }

        decimal? percent = rate is not null && VatRates.All.Contains(rate) ? VatRates.Percent(rate) : null;
        var totals = LineMath.Compute(quantity, price, discountPercent, percent, included);
        target["discount"] = JsonValue.Create(totals.Discount);
        target["amount"] = JsonValue.Create(totals.Amount);
        target["vat_amount"] = JsonValue.Create(totals.Vat);
        target["total"] = JsonValue.Create(totals.Total);
    }
}
