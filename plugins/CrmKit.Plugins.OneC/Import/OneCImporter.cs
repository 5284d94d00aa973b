using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>
/// Imports one CommerceML file atomically: reads and checks it completely first (nothing is written for a malformed
/// file, a wrong encoding, a DTD or an oversized file), logs it as an <c>onec_exchange</c> record, then applies it
/// through the <see cref="ApplyImportMessage"/> message, in one transaction.
/// </summary>
internal sealed class OneCImporter(IRecordService records, PendingImports pending)
{
    public async Task<JsonObject> ImportAsync(
        CrmPrincipal principal, Stream file, string fileName, string kind, long maxBytes, CancellationToken cancellationToken)
    {
        var package = CommerceMlReader.Read(file, maxBytes);
        var requisites = await CompanyHasRequisitesAsync(principal, cancellationToken);
        var log = (await records.CreateAsync(principal, OneCEntities.Exchange, [new JsonObject
        {
            ["kind"] = kind,
            ["status"] = "importing",
            ["file_name"] = fileName.Length <= 255 ? fileName : fileName[..255],
        }], cancellationToken))[0];
        var token = pending.Add(package);
        try
        {
            return await records.SendMessageAsync(principal, OneCEntities.Exchange, log.Id, ApplyImportMessage.Name,
                new JsonObject { ["token"] = token, ["requisites"] = requisites }, cancellationToken) ?? [];
        }
        catch (CrmException exception)
        {
            await MarkFailedAsync(principal, log.Id, exception.Message, cancellationToken);
            throw;
        }
        finally
        {
            pending.Drop(token);
        }
    }

    private async Task MarkFailedAsync(CrmPrincipal principal, Guid id, string message, CancellationToken cancellationToken)
    {
        var text = message.Length <= 3000 ? message : message[..3000];
        await records.UpdateAsync(principal, OneCEntities.Exchange, id, new JsonObject { ["status"] = "failed", ["message"] = text }, null, cancellationToken);
    }

    // The requisites plugin adds inn and kpp to company; without it they are neither read nor written.
    private async Task<bool> CompanyHasRequisitesAsync(CrmPrincipal principal, CancellationToken cancellationToken)
    {
        try
        {
            await records.QueryAsync(principal, OneCEntities.Company, new RecordQuery { Select = ["inn", "kpp"], Limit = 1 }, cancellationToken);
            return true;
        }
        catch (CrmException)
        {
            return false;
        }
    }
}
