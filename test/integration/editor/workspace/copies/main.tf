provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "docs" {
  name                     = "docs"
  resource_group_name      = "rg"
  location                 = "brazilsouth"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
