using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Reads and changes entity metadata at run time. Every change is atomic, versioned (who, when, diff) and safe:
/// tightening a field that existing records violate is refused with a report unless converted or forced, and removed
/// values are archived, never dropped. Failures are <see cref="Sdk.Errors.CrmException"/>s.
/// </summary>
public interface IMetadataService
{
    /// <summary>A number that grows with every metadata change; caches key on it.</summary>
    long Revision { get; }

    /// <summary>The current definition of every entity, ordered by name.</summary>
    /// <returns>The entities.</returns>
    IReadOnlyList<EntityDefinition> GetEntities();

    /// <summary>The current definition of an entity.</summary>
    /// <param name="entity">The entity name.</param>
    /// <returns>The entity.</returns>
    /// <exception cref="Sdk.Errors.CrmException">The entity does not exist (code <c>entity.not_found</c>).</exception>
    EntityDefinition GetEntity(string entity);

    /// <summary>Lists every version of an entity's metadata, oldest first.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The versions.</returns>
    Task<IReadOnlyList<MetadataVersionInfo>> GetHistoryAsync(string entity, CancellationToken cancellationToken = default);

    /// <summary>Creates an entity from its JSON Schema document.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="schema">The document; <c>x-crm-entity</c> names the entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new entity.</returns>
    Task<EntityDefinition> CreateEntityAsync(CrmPrincipal principal, JsonObject schema, CancellationToken cancellationToken = default);

    /// <summary>Adds a field.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="field">The new field's name.</param>
    /// <param name="request">The field's definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entity at its new version.</returns>
    Task<EntityDefinition> AddFieldAsync(
        CrmPrincipal principal, string entity, string field, FieldChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a field's definition.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="field">The field name.</param>
    /// <param name="request">The new definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entity at its new version.</returns>
    Task<EntityDefinition> UpdateFieldAsync(
        CrmPrincipal principal, string entity, string field, FieldChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a field; its values are archived and can be restored.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="field">The field name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The archive holding the values.</returns>
    Task<FieldArchiveInfo> RemoveFieldAsync(
        CrmPrincipal principal, string entity, string field, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renames a field: a new schema version where the field has the new name (same definition, same place), and every
    /// record's value moved to the new name, in one transaction. Used by edition migrations.
    /// </summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="field">The field's current name.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entity at its new version.</returns>
    Task<EntityDefinition> RenameFieldAsync(
        CrmPrincipal principal, string entity, string field, string newName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks an entity document as <see cref="CreateEntityAsync"/> would (normalization, supported keywords, field
    /// types), storing nothing. Lookup targets are not checked.
    /// </summary>
    /// <param name="schema">The entity document.</param>
    /// <param name="allowUnknownFieldTypes">
    /// Whether a field type no registered module provides is accepted (planning an edition whose plugins are not
    /// installed yet).
    /// </param>
    /// <returns>The entity the document defines.</returns>
    /// <exception cref="CrmException">The document is invalid (the error names the JSON pointer).</exception>
    EntityDefinition CheckEntityDocument(JsonObject schema, bool allowUnknownFieldTypes);

    /// <summary>Lists an entity's field archives, newest first.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The archives.</returns>
    Task<IReadOnlyList<FieldArchiveInfo>> GetArchivesAsync(string entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restores an archive: re-adds the removed field with its old definition when it is missing and writes the
    /// archived values back into records that still exist and have no value for the field.
    /// </summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="archiveId">The archive id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entity at its new version.</returns>
    Task<EntityDefinition> RestoreArchiveAsync(
        CrmPrincipal principal, string entity, Guid archiveId, CancellationToken cancellationToken = default);
}
