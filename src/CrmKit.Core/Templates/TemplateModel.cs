using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Templates;

/// <summary>
/// What a template or expression sees: <c>record</c>, <c>previous</c>, <c>related</c>, <c>user</c>, <c>now</c>,
/// <c>culture</c> and <c>extra</c>. Everything is copied into Scriban objects; no .NET object is exposed.
/// </summary>
public sealed class TemplateModel
{
    /// <summary>The record (its fields plus <c>id</c>, <c>entity</c>, <c>version</c>, <c>created_at</c>, ...).</summary>
    public CrmRecord? Record { get; init; }

    /// <summary>The record's previous field values (before an update), if any.</summary>
    public JsonObject? Previous { get; init; }

    /// <summary>Related records by lookup field name (<c>related.company.name</c>).</summary>
    public IReadOnlyDictionary<string, CrmRecord>? Related { get; init; }

    /// <summary>The acting user (<c>user.id</c>, <c>user.name</c>, <c>user.roles</c>).</summary>
    public CrmPrincipal? User { get; init; }

    /// <summary>The current instant (<c>now</c>); defaults to the time the model was created.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The culture for helpers and the template locale: <c>ru-RU</c> (the default) or <c>en</c>, for example.</summary>
    public string Culture { get; init; } = "ru-RU";

    /// <summary>Any extra values (<c>extra.*</c>), for example a workflow's variables.</summary>
    public JsonObject? Extra { get; init; }
}
