using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    /// <summary>The partial index's condition, the same SQL on SQLite and PostgreSQL.</summary>
    internal const string RestrictedFilter = "\"IsRestricted\"";

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("People");
        builder.ConfigureEntity();
        builder.Property(p => p.Sex).HasMaxLength(1);
        builder.Property(p => p.Ethnicity).HasMaxLength(4);
        builder.Property(p => p.Disabilities).HasMaxLength(100);
        builder.Property(p => p.Upn).HasMaxLength(13);
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.Property(p => p.CouncilChildId).HasMaxLength(10);
        builder.Property(p => p.DisplayName).HasMaxLength(201);
        builder.HasMany(p => p.Names).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.AccessList).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Upn);
        builder.HasIndex(p => p.NhsNumber);
        builder.HasIndex(p => p.CouncilChildId).IsUnique();
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => p.ExpectedDateOfBirth);
        builder.HasIndex(p => p.MergedIntoId);
        builder.HasIndex(p => p.DisplayName);

        // The few restricted records, read by every list that leaves out the records its reader may not see (ADR 0092).
        builder.HasIndex(p => p.IsRestricted).HasFilter(RestrictedFilter);
    }
}
