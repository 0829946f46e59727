namespace DealerPortal.Models;

public enum Gender
{
    NotStated,
    Female,
    Male,
    NonBinary,
}
