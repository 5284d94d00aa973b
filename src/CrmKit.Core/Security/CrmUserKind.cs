namespace CrmKit.Core.Security;

/// <summary>Whether an account belongs to a person or to software.</summary>
public enum CrmUserKind
{
    /// <summary>A person: signs in with a bearer token (JWT) or uses API keys.</summary>
    User = 0,

    /// <summary>
    /// A service principal: an identity workflows and plugins run as (<c>runAs</c>), and that integrations use through
    /// API keys. It never signs in interactively.
    /// </summary>
    Service = 1,
}
