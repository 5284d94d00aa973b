namespace CrmKit.Core.Templates;

/// <summary>The kinds of stored templates.</summary>
public static class TemplateKinds
{
    /// <summary>An e-mail body.</summary>
    public const string Email = "email";

    /// <summary>A short message (chat, SMS).</summary>
    public const string Message = "message";

    /// <summary>A document (offer, invoice, contract).</summary>
    public const string Document = "document";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Email, Message, Document];
}
