variable "region" {
  default = "eu-central-1"
}

provider "aws" {
  region = var.region
}

module "store" {
  source = "../../modules/store"
  name   = "prod-invoices"
}
