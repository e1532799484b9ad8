provider "aws" {
  region = "eu-west-1"
}

module "store" {
  source = "../../../../modules/store"
  name   = "prod-invoices"
}
