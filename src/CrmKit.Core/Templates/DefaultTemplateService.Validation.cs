using System.Text.RegularExpressions;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Templates;

/// <summary>Checks of a template before it is saved.</summary>
internal sealed partial class DefaultTemplateService
{
    private const int MaxNameLength = 100;

    /// <summary>Whether a name is lower snake case with dotted segments (<c>deal.offer</c>, <c>lead_welcome</c>).</summary>
    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    private void Validate(TemplateSaveRequest request)
    {
        var errors = new List<CrmError>();
        if (!IsValidName(request.Name))
        {
            errors.Add(new CrmError("template.invalid_name", "/name", TemplateMessages.Text("template.invalid_name")));
        }

        if (!TemplateKinds.All.Contains(request.Kind))
        {
            errors.Add(new CrmError("template.invalid_kind", "/kind", TemplateMessages.Text("template.invalid_kind", string.Join(", ", TemplateKinds.All))));
        }

        if (!TemplateLocales.IsValid(request.Locale))
        {
            errors.Add(new CrmError("template.invalid_locale", "/locale", TemplateMessages.Text("template.invalid_locale", request.Locale)));
        }

        if (request.Source is null || request.Source.Length > sandbox.Options.MaxSourceLength)
        {
            errors.Add(new CrmError("template.source_too_long", "/source", TemplateMessages.Text("template.source_too_long", sandbox.Options.MaxSourceLength)));
        }

        if (errors.Count > 0)
        {
            throw TemplateMessages.Invalid(errors);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex NamePattern();
}
