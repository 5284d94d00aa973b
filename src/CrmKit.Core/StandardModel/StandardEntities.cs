namespace CrmKit.Core.StandardModel;

/// <summary>The names of the entities the standard CRM model defines.</summary>
public static class StandardEntities
{
    /// <summary>A company (organization) the business works with.</summary>
    public const string Company = "company";

    /// <summary>A person, usually at a company.</summary>
    public const string Contact = "contact";

    /// <summary>An unqualified inquiry that may become a deal.</summary>
    public const string Lead = "lead";

    /// <summary>An opportunity moving through the sales pipeline.</summary>
    public const string Deal = "deal";

    /// <summary>A task, call, meeting or e-mail concerning other records.</summary>
    public const string Activity = "activity";

    /// <summary>A free-text note attached to other records.</summary>
    public const string Note = "note";

    /// <summary>All standard entity names, in definition order.</summary>
    public static IReadOnlyList<string> All { get; } = [Company, Contact, Lead, Deal, Activity, Note];
}
