using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.Egrul.Lookup;

/// <summary>
/// Checks what is about to be sent to the registry, before any network call: the query must be a valid INN (10 or 12
/// digits), OGRN (13) or OGRNIP (15), the KPP a valid KPP. A refusal is <c>400 egrul.invalid_id</c> with the
/// reason's code (<c>inn.checksum</c>, <c>ogrn.length</c>...) at <c>/query</c> or <c>/kpp</c>.
/// </summary>
internal static class RegistryQuery
{
    public const string QueryPointer = "/query";
    public const string KppPointer = "/kpp";

    /// <summary>Checks and compacts the query and the KPP.</summary>
    /// <param name="query">The INN or OGRN as typed.</param>
    /// <param name="kpp">The KPP as typed, or null.</param>
    /// <returns>The compacted values.</returns>
    /// <exception cref="CrmException"><c>egrul.invalid_id</c>.</exception>
    public static (string Query, string? Kpp) Check(string? query, string? kpp)
    {
        var errors = new List<CrmError>();
        var compact = IdentifierText.Compact(query ?? "");
        var kind = compact.Length switch
        {
            13 => IdentifierKind.Ogrn,
            15 => IdentifierKind.Ogrnip,
            _ => IdentifierKind.Inn,
        };
        var error = IdentifierErrors.Check(kind, compact);
        if (error == IdentifierError.Length)
        {
            errors.Add(new CrmError("query.length", QueryPointer, EgrulQueryMessages.Length()));
        }
        else if (error != IdentifierError.None)
        {
            errors.Add(IdentifierErrors.ToError(kind, error, QueryPointer));
        }

        string? compactKpp = null;
        if (!string.IsNullOrWhiteSpace(kpp))
        {
            compactKpp = IdentifierText.Compact(kpp);
            var kppError = RussianIdentifiers.CheckKpp(compactKpp);
            if (kppError != IdentifierError.None)
            {
                errors.Add(IdentifierErrors.ToError(IdentifierKind.Kpp, kppError, KppPointer));
            }
        }

        if (errors.Count > 0)
        {
            throw EgrulMessages.InvalidId(errors);
        }

        return (compact, compactKpp);
    }
}
