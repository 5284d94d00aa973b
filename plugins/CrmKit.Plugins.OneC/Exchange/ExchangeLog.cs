using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Plugins.OneC.Exchange;

/// <summary>
/// The exchange's memory, kept as <c>onec_exchange</c> records (so every node of a cluster shares it and administrators
/// can read it): each <c>mode=query</c> is a <c>sale_query</c> record with the window of changes it sent
/// (<c>since</c> … <c>watermark</c>), <c>sent</c> until 1C confirms it with <c>mode=success</c>. The next query starts
/// at the last confirmed watermark, so orders sent but never confirmed are sent again.
/// </summary>
internal sealed class ExchangeLog(IRecordService records, CrmPrincipal principal)
{
    public async Task<DateTimeOffset?> LastConfirmedWatermarkAsync(CancellationToken cancellationToken)
    {
        var page = await records.QueryAsync(principal, OneCEntities.Exchange, new RecordQuery
        {
            Filter = "kind eq 'sale_query' and status eq 'confirmed'",
            Sort = "watermark desc",
            Select = ["watermark"],
            Limit = 1,
        }, cancellationToken);
        return page.Items.Count > 0 && Values.Text(page.Items[0].Values, "watermark") is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : null;
    }

    public async Task<Guid> StartQueryAsync(DateTimeOffset? since, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var values = new JsonObject { ["kind"] = "sale_query", ["status"] = "sent", ["watermark"] = watermark.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture) };
        if (since is { } from)
        {
            values["since"] = from.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
        }

        return (await records.CreateAsync(principal, OneCEntities.Exchange, [values], cancellationToken))[0].Id;
    }

    public Task RecordCountAsync(Guid entry, long documents, CancellationToken cancellationToken) =>
        records.UpdateAsync(principal, OneCEntities.Exchange, entry, new JsonObject { ["documents"] = documents }, null, cancellationToken);

    /// <summary>Confirms the latest sent query (older unconfirmed ones are superseded by it); false when none waits.</summary>
    public async Task<bool> ConfirmAsync(CancellationToken cancellationToken)
    {
        var page = await records.QueryAsync(principal, OneCEntities.Exchange, new RecordQuery
        {
            Filter = "kind eq 'sale_query' and status eq 'sent'",
            Sort = "watermark desc",
            Limit = 1,
        }, cancellationToken);
        if (page.Items.Count == 0)
        {
            return false;
        }

        await records.UpdateAsync(principal, OneCEntities.Exchange, page.Items[0].Id, new JsonObject { ["status"] = "confirmed" }, page.Items[0].Version, cancellationToken);
        return true;
    }
}
