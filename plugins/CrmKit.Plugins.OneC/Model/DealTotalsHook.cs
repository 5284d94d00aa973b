using System.Text.Json.Nodes;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.OneC.Model;

/// <summary>
/// After a deal line is written (in the same transaction): sets its deal's <c>amount</c> to the sum of its lines'
/// totals and <c>vat_amount</c> to the sum of their VAT — sums of rounded line values, so they match the exported
/// document exactly. Runs for the deal the line left too when it moved.
/// </summary>
public sealed class DealTotalsHook : IRecordHook
{
    /// <inheritdoc />
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = "crmkit.onec.deal-totals",
        Entity = OneCEntities.DealLine,
        Stage = PipelineStage.PostOperation,
        Operations = [RecordOperation.Create, RecordOperation.Update, RecordOperation.Delete, RecordOperation.Restore],
    };

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deals = new HashSet<Guid>();
        if (context.PreImage is { } before && Values.Id(before.Values, "deal") is { } oldDeal)
        {
            deals.Add(oldDeal);
        }

        if (context.PostImage is { } after && Values.Id(after.Values, "deal") is { } newDeal)
        {
            deals.Add(newDeal);
        }

        var records = context.Services.GetRequiredService<IRecordService>();
        foreach (var deal in deals)
        {
            await UpdateDealAsync(records, context, deal, cancellationToken);
        }
    }

    private static async Task UpdateDealAsync(IRecordService records, RecordHookContext context, Guid dealId, CancellationToken cancellationToken)
    {
        var deal = await records.GetAsync(context.Principal, OneCEntities.Deal, dealId, cancellationToken: cancellationToken);
        if (deal is null)
        {
            return;
        }

        decimal total = 0, vat = 0;
        string? after = null;
        do
        {
            var page = await records.QueryAsync(context.Principal, OneCEntities.DealLine, new RecordQuery
            {
                Filter = $"deal eq {dealId:D}",
                Select = ["total", "vat_amount"],
                Limit = RecordQuery.MaxLimit,
                After = after,
            }, cancellationToken);
            foreach (var line in page.Items)
            {
                total += Values.Decimal(line.Values, "total") ?? 0m;
                vat += Values.Decimal(line.Values, "vat_amount") ?? 0m;
            }

            after = page.NextCursor;
        }
        while (after is not null);

        var currency = deal.Values["amount"] is JsonObject money && Values.Text(money, "currency") is { Length: 3 } code ? code : "RUB";
        if (Values.Decimal(deal.Values, "amount") == total && Values.Decimal(deal.Values, "vat_amount") == vat)
        {
            return;
        }

        await records.UpdateAsync(context.Principal, OneCEntities.Deal, dealId, new JsonObject
        {
            ["amount"] = new JsonObject { ["amount"] = total, ["currency"] = currency },
            ["vat_amount"] = vat,
        }, expectedVersion: null, cancellationToken);
    }
}
