/** The README tour as an application on the module path. */
module org.example.tour {
    requires org.crmkit.scoring; // brings org.crmkit.core (requires transitive)
}
