namespace CrmKit.Sdk.Integrations;

/// <summary>
/// Looks companies and individual entrepreneurs up in a state registry (EGRUL/EGRIP) by INN or OGRN, through a
/// provider such as DaData. The REST API (<c>/api/integrations/egrul/...</c>), the CLI, autofill hooks and workflow
/// actions all go through it. Register it with
/// <see cref="Extensibility.CrmBuilderExtensions.AddRegistryLookup{TLookup}"/>.
/// </summary>
/// <remarks>
/// Check the identifier's checksum before any network call and throw a <see cref="Errors.CrmException"/> of kind
/// BadRequest when it fails. A provider that is down, rate-limited or refuses the credentials throws a
/// <see cref="Errors.CrmException"/> of kind Unavailable with a distinct code; "not found" is an empty list, not an
/// error.
/// </remarks>
public interface IRegistryLookup
{
    /// <summary>What the provider is.</summary>
    RegistryLookupDescriptor Descriptor { get; }

    /// <summary>Finds the registry entries for an INN or OGRN.</summary>
    /// <param name="request">What to look up and who is asking.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>
    /// The matching entries, the head office first; several when the company has branches and no KPP narrowed the
    /// search. Empty when the registry has no such company.
    /// </returns>
    Task<IReadOnlyList<RegistryCompany>> LookupAsync(RegistryLookupRequest request, CancellationToken cancellationToken);
}
