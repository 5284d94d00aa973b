using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CrmKit.Benchmarks.Bulk;

/// <summary>
/// Maps <see cref="ContactRow"/> onto the existing <c>e_contact</c> table. The table and its expression indexes are
/// created from CrmKit's own DDL (EF Core cannot declare a <c>json_extract</c> expression index), not by
/// <c>EnsureCreated</c>, so EF Core writes into exactly the layout CrmKit uses.
/// </summary>
internal sealed class ContactDbContext(DbConnection connection) : DbContext
{
    public DbSet<ContactRow> Contacts => Set<ContactRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSqlite(connection);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var row = modelBuilder.Entity<ContactRow>();
        row.ToTable("e_contact");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        row.Property(r => r.Version).HasColumnName("version");
        row.Property(r => r.CreatedAt).HasColumnName("created_at");
        row.Property(r => r.CreatedBy).HasColumnName("created_by");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        row.Property(r => r.UpdatedBy).HasColumnName("updated_by");
        row.Property(r => r.OwnerId).HasColumnName("owner_id");
        row.Property(r => r.DeletedAt).HasColumnName("deleted_at");
        row.Property(r => r.Data).HasColumnName("data");
    }
}
