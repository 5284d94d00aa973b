namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// What "open" means for <c>least_loaded</c> assignment in the standard model: a lead not converted or disqualified,
/// a deal not won or lost, an activity neither done nor cancelled. Other entities: every live record. A step can
/// override it with an <c>openFilter</c> parameter (filter syntax).
/// </summary>
internal static class OpenRecordFilters
{
    public static string? For(string entity) => entity switch
    {
        "lead" => "not status in ('converted', 'disqualified')",
        "deal" => "not stage in ('won', 'lost')",
        "activity" => "not status in ('done', 'cancelled')",
        _ => null,
    };
}
