using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Errors;

/// <summary>
/// An expected failure with a stable code. Core, plugins and hooks throw it; the REST layer turns it into RFC 7807
/// problem details carrying <see cref="Code"/>, the localized <see cref="Title"/> and every <see cref="Errors"/> entry.
/// </summary>
public class CrmException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="kind">The class of failure.</param>
    /// <param name="code">A stable, dotted code, such as <c>record.not_found</c>.</param>
    /// <param name="title">The localized summary.</param>
    /// <param name="errors">The individual problems, if any.</param>
    /// <param name="innerException">The cause, if any; never shown to clients.</param>
    public CrmException(
        CrmErrorKind kind,
        string code,
        LocalizedText title,
        IReadOnlyList<CrmError>? errors = null,
        Exception? innerException = null)
        : base(title?.Get(System.Globalization.CultureInfo.InvariantCulture), innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Kind = kind;
        Code = code;
        Title = title ?? LocalizedText.Of(code);
        Errors = errors ?? [];
    }

    /// <summary>The class of failure.</summary>
    public CrmErrorKind Kind { get; }

    /// <summary>A stable, dotted, machine-readable code.</summary>
    public string Code { get; }

    /// <summary>The localized summary.</summary>
    public LocalizedText Title { get; }

    /// <summary>The individual problems; every failing field is listed, not only the first.</summary>
    public IReadOnlyList<CrmError> Errors { get; }

    /// <summary>Extra machine-readable facts for the client (for example the ids of conflicting records).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
