namespace CrmKit.Sdk.Security;

/// <summary>The path through which an operation reached CrmKit; recorded in the audit trail.</summary>
public enum CrmChannel
{
    /// <summary>Work started by the host itself (start-up seeding, maintenance).</summary>
    System = 0,

    /// <summary>The REST API.</summary>
    Rest = 1,

    /// <summary>The <c>crmkit</c> command-line tool.</summary>
    Cli = 2,

    /// <summary>A workflow action.</summary>
    Workflow = 3,

    /// <summary>Code in a plugin.</summary>
    Plugin = 4,

    /// <summary>A bulk import.</summary>
    Import = 5,

    /// <summary>An exchange with an accounting system (for example 1C).</summary>
    Exchange = 6,
}
