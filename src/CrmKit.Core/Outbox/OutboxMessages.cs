using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Outbox;

/// <summary>The outbox messages (OutboxMessages.resx, OutboxMessages.ru.resx) and exception factories.</summary>
internal static class OutboxMessages
{
    private static readonly ResourceManager Resources = new("CrmKit.Core.Outbox.OutboxMessages", typeof(OutboxMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmException JobNotFound(Guid id) =>
        new(CrmErrorKind.NotFound, OutboxErrorCodes.JobNotFound, Text(OutboxErrorCodes.JobNotFound, id));

    public static CrmException NotDead(Guid id, OutboxJobState state) =>
        new(CrmErrorKind.Conflict, OutboxErrorCodes.NotDead, Text(OutboxErrorCodes.NotDead, id, state.ToString().ToLowerInvariant()));

    public static CrmException DiagnosticsDisabled() =>
        new(CrmErrorKind.NotFound, OutboxErrorCodes.DiagnosticsDisabled, Text(OutboxErrorCodes.DiagnosticsDisabled));

    public static CrmException KindNotAllowed(string kind) =>
        new(CrmErrorKind.BadRequest, OutboxErrorCodes.KindNotAllowed, Text(OutboxErrorCodes.KindNotAllowed, kind));
}
