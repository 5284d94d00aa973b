namespace CrmKit.Core.Storage;

/// <summary>The template store (table <c>crm_templates</c>): one row per template name and locale.</summary>
public partial interface ICrmStoreSession
{
    /// <summary>Lists every stored template, ordered by name, then locale.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The templates, sources included.</returns>
    Task<IReadOnlyList<StoredTemplate>> ListTemplatesAsync(CancellationToken cancellationToken);

    /// <summary>Reads one template in one locale (exact match, ordinal).</summary>
    /// <param name="name">The template name.</param>
    /// <param name="locale">The locale.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The template, or null.</returns>
    Task<StoredTemplate?> ReadTemplateAsync(string name, string locale, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a template (name and locale are its key) with a compare-and-set on the version: with
    /// <paramref name="expectedVersion"/> 0 the template must not exist yet; otherwise the stored version must equal it.
    /// The stored version becomes <paramref name="expectedVersion"/> + 1; <see cref="StoredTemplate.Version"/> of
    /// <paramref name="entry"/> is ignored.
    /// </summary>
    /// <param name="entry">The template.</param>
    /// <param name="expectedVersion">The version the writer read (0: new).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="TemplateConcurrencyException">The stored version is not the expected one.</exception>
    Task WriteTemplateAsync(StoredTemplate entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a template in one locale, or in every locale when <paramref name="locale"/> is null.</summary>
    /// <param name="name">The template name.</param>
    /// <param name="locale">The locale, or null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<int> DeleteTemplateAsync(string name, string? locale, CancellationToken cancellationToken);
}
