using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Auth;

/// <summary>Outcome of a password check.</summary>
public enum LoginResult { Succeeded, Failed, LockedOut }

/// <summary>People who log in: password hashing (ASP.NET Core Identity's PBKDF2 hasher) and lockout.</summary>
public sealed class Users(SupervisionDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>Creates an account entity with the password hashed (the caller adds and saves it).</summary>
    public UserAccount NewAccount(string userName, string password, string displayName, IReadOnlyList<string> roles, string jurisdiction)
    {
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            PasswordHash = string.Empty,
            DisplayName = displayName,
            Roles = [.. roles],
            Jurisdiction = jurisdiction,
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        return account;
    }

    /// <summary>Checks a password, counting failures and locking the account after the configured threshold.</summary>
    public async Task<(LoginResult Result, UserAccount? Account)> CheckAsync(string userName, string password, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (account is null)
        {
            // Same work as a real check, so timing does not reveal which user names exist.
            Hasher.VerifyHashedPassword(new UserAccount { UserName = "", PasswordHash = "", DisplayName = "", Jurisdiction = "" }, DummyHash, password);
            return (LoginResult.Failed, null);
        }
        var now = clock.GetUtcNow();
        if (account.LockedUntil is { } until && until > now) return (LoginResult.LockedOut, null);
        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedLogins++;
            if (account.FailedLogins >= options.Value.LockoutThreshold)
            {
                account.LockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
                account.FailedLogins = 0;
            }
            await db.SaveChangesAsync(ct);
            return (LoginResult.Failed, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = Hasher.HashPassword(account, password);
        account.FailedLogins = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return (LoginResult.Succeeded, account);
    }

    private static readonly string DummyHash = Hasher.HashPassword(
        new UserAccount { UserName = "", PasswordHash = "", DisplayName = "", Jurisdiction = "" }, Guid.NewGuid().ToString());
}
