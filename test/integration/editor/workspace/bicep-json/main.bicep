// An ARM template deployed as a Bicep module: its storage account's region comes from these params.
module nested './nested.json' = {
  name: 'nested'
  params: {
    location: 'westeurope'
  }
}
